import { describe, expect, it } from 'vitest';
import { FIXES, FIX_IDS } from '../fixes/fix-catalog.js';
import { fixNoteKey, fixTitleKey } from './fix-keys.js';
import { CATALOGS } from './messages.js';

describe('the fix catalog in both languages', () => {
  it('has the catalog\'s own English and a Chinese text for every fix', () => {
    for (const id of FIX_IDS) {
      expect(CATALOGS.en[fixTitleKey(id)], id).toBe(FIXES[id].title);
      expect(CATALOGS.en[fixNoteKey(id)], id).toBe(FIXES[id].note);
      for (const key of [fixTitleKey(id), fixNoteKey(id)]) expect(CATALOGS['zh-CN'][key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
