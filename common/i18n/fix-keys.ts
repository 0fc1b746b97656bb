import type { FixId } from '../fixes/fix-catalog.js';

/** The catalog keys of a fix's title and note (messages/fix-en.ts), typed so a new fix id without its words fails typecheck. */
export const fixTitleKey = (id: FixId) => `fix.${id}.title` as const;
export const fixNoteKey = (id: FixId) => `fix.${id}.note` as const;
