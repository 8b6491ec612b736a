// Failing seeds of the sync model test, kept and replayed on every run (fast-check `seed` + `path`
// reproduce a shrunk counterexample as long as the step generator is unchanged).
export const SYNC_MODEL_REGRESSIONS: { seed: number; path: string; note: string }[] = [
  // An Active referral without acceptedDateTime in the fixture tripped the lifecycle invariant.
  { seed: 20250602, path: '0', note: 'accepted fixture carries acceptedDateTime' },
];
