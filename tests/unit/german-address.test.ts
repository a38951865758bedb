import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const de = JSON.parse(readFileSync('public/_locales/de/messages.json', 'utf8')) as Record<string, { message: string }>;

// The informal pronouns and the imperatives the informal strings used; "Sie" is the one form of address.
const INFORMAL =
  /\b(du|dich|dir|dein(e|en|em|er|es)?|hast|kannst|bist|willst|möchtest)\b|(^|[.:;!?]\s+)(Teile|Öffne|Wähle|Gib|Schalte|Klicke|Füge|Lade|Tippe|Kopiere|Probiere|Sieh|Pinne|Beginne|Schreibe|Lösche|Prüfe)\b/i;

describe('German strings', () => {
  it('address the employee as "Sie" throughout', () => {
    const informal = Object.entries(de)
      .filter(([, m]) => INFORMAL.test(m.message))
      .map(([k, m]) => `${k}: ${m.message}`);
    expect(informal).toEqual([]);
  });

  it('check something: the polite form is there', () => {
    expect(Object.values(de).filter((m) => /\b(Sie|Ihr(e|en|em|er)?)\b/.test(m.message)).length).toBeGreaterThan(20);
  });
});
