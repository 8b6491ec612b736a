// The shared domain core: pure TypeScript, depends on nothing but zod.
export * from './referral';
export * from './classify';
export * from './mutations';
export * from './lifecycle';
export * from './time';
export * from './reasons';
export * from './marketplace/lead-source';
export * from './marketplace/normalize';
