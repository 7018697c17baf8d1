// Ready-made backend answers for the SOS and plan tests. Each call returns a fresh object.
import type { CountryLines, Person, Reason, RelapsePlan } from '../lib/bindings';

export function countries(): CountryLines[] {
  return [
    {
      code: 'US',
      name: 'United States',
      checked: '2026-11-27',
      lines: [
        {
          name: 'Emergency services',
          number: '911',
          kind: 'emergency',
          description: 'Police, fire, ambulance.',
          source: 'https://www.911.gov/',
        },
        {
          name: '988 Suicide & Crisis Lifeline',
          number: '988',
          kind: 'crisis',
          description: 'Call or text, any time.',
          source: 'https://988lifeline.org/',
        },
        {
          name: 'SAMHSA National Helpline',
          number: '1-800-662-4357',
          kind: 'drugs',
          description: 'Free and confidential.',
          source: 'https://www.samhsa.gov/',
        },
      ],
    },
    {
      code: 'GB',
      name: 'United Kingdom',
      checked: '2026-11-27',
      lines: [
        {
          name: 'Emergency services',
          number: '999',
          kind: 'emergency',
          description: 'Police, fire, ambulance.',
          source: 'https://www.nhs.uk/',
        },
        {
          name: 'Samaritans',
          number: '116 123',
          kind: 'crisis',
          description: 'Free, any time.',
          source: 'https://www.samaritans.org/',
        },
      ],
    },
  ];
}

export function person(overrides: Partial<Person> = {}): Person {
  return { id: 1, name: 'Sam', phone: '+44 7700 900123', note: 'My sponsor', ...overrides };
}

export function reason(overrides: Partial<Reason> = {}): Reason {
  return { id: 1, text: 'To be there for my daughter', ...overrides };
}

export function plan(overrides: Partial<RelapsePlan> = {}): RelapsePlan {
  return {
    warningSigns: ['Sleeping badly'],
    highRiskSituations: [],
    highRiskTriggers: [21],
    copingStrategies: ['Go for a walk'],
    places: ["My sister's house"],
    ifISlip: 'Tell Sam the same day.',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function emptyPlan(): RelapsePlan {
  return {
    warningSigns: [],
    highRiskSituations: [],
    highRiskTriggers: [],
    copingStrategies: [],
    places: [],
    ifISlip: '',
    updatedAt: null,
  };
}
