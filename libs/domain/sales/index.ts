/** The public surface of the sales and special-price areas. */
export * from './events';
export * from './commands';
export * from './errors';
export * from './sale-state';
export * from './special-price-state';
export * from './sale';
export * from './special-price';
export { floorFor, governingPolicies, countingPolicy, requireCurrency, type AppliedFloor } from './floors';
export { validSpecialPrice, validSpecialPrices, specialPriceAllowing, isValidOn } from './special-price-validity';
export { periodOfDate } from './period';
export { priceLines, type PricedLines, type PricingContext } from './pricing';
export { channelConflict } from './record';
export { SALES_LIMITS } from './validate';
