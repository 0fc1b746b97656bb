import { vendorAdvice } from './vendor-advice.js';
import type { Rule } from './rule.js';

export const vendorDailyLimit: Rule = (ctx) => vendorAdvice(ctx, 'vendor-daily-limit', 'dailyLimit');
