import { vendorAdvice } from './vendor-advice.js';
import type { Rule } from './rule.js';

export const vendorClassification: Rule = (ctx) => vendorAdvice(ctx, 'vendor-classification', 'classification');
