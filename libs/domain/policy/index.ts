/** The public surface of the commercial policy area. */
export * from './terms';
export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './policy';
export * from './in-force';
export * from './bonus';
export * from './division';
export * from './calendar';
export { planTotal, promotionBudget, type PromotionBudget } from './money';
export { validateTerms } from './validate-terms';
export { DEFAULT_TERMS_BOUNDS, type TermsBounds } from './validate-commercial';
export type { FieldError } from './field-checks';
