// Ready-made backend answers for the SOS and plan tests. Each call returns a fresh object.
import type { CountryBasis, CountryLines, CrisisHere, Person, Reason, RelapsePlan } from '../lib/bindings';

export function countries(): CountryLines[] {
  const base = { contact: 'call', youth: false, menuOption: null } as const;
  return [
    {
      code: 'US',
      name: 'United States',
      checked: '2026-12-02',
      lines: [
        { ...base, name: null, number: '911', kind: 'emergency', source: 'https://www.911.gov/' },
        {
          ...base,
          name: '988 Suicide & Crisis Lifeline',
          number: '988',
          kind: 'crisis',
          contact: 'call_or_text',
          source: 'https://988lifeline.org/',
        },
        {
          ...base,
          name: 'SAMHSA National Helpline',
          number: '1-800-662-4357',
          kind: 'drugs',
          source: 'https://www.samhsa.gov/',
        },
      ],
    },
    {
      code: 'GB',
      name: 'United Kingdom',
      checked: '2026-12-02',
      lines: [
        { ...base, name: null, number: '999', kind: 'emergency', source: 'https://www.nhs.uk/' },
        {
          ...base,
          name: 'Samaritans',
          number: '116 123',
          kind: 'crisis',
          source: 'https://www.samaritans.org/',
        },
        {
          ...base,
          name: 'Childline',
          number: '0800 1111',
          kind: 'crisis',
          youth: true,
          source: 'https://www.childline.org.uk/',
        },
      ],
    },
    {
      code: 'IE',
      name: 'Ireland',
      checked: '2026-12-02',
      lines: [
        {
          ...base,
          name: null,
          number: '112',
          kind: 'emergency',
          source: 'https://digital-strategy.ec.europa.eu/',
        },
        {
          ...base,
          name: 'Samaritans',
          number: '116 123',
          kind: 'crisis',
          source: 'https://www.samaritans.org/',
        },
      ],
    },
    {
      code: 'PE',
      name: 'Peru',
      checked: '2026-12-02',
      lines: [
        { ...base, name: 'SAMU', number: '106', kind: 'emergency', source: 'https://www.gob.pe/minsa' },
        {
          ...base,
          name: 'Línea 113',
          number: '113',
          kind: 'crisis',
          menuOption: 5,
          source: 'https://www.gob.pe/minsa',
        },
      ],
    },
  ];
}

/** The backend's answer to "what does SOS show": one country by code, or none. */
export function here(code: string | null, basis: CountryBasis = code ? 'locale' : 'unknown'): CrisisHere {
  const country = code ? (countries().find((c) => c.code === code) ?? null) : null;
  return {
    basis: country ? basis : 'unknown',
    country,
    elsewhere: 'https://findahelpline.com',
    checked: '2026-12-02',
  };
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
