// The system IPC module as tests see it after `vi.mock('…/lib/ipc/system')`: each command is a
// vi.fn() with the real function's type, so a test that programs it with the wrong arguments
// or result does not compile. mocks.test.ts checks the names match ../system.ts.
import { vi } from 'vitest';
import type * as real from '../system';

export const watchLockSignals = vi.fn<typeof real.watchLockSignals>();
