// Merges a capability's message fragment ({"key": {"id": "…", "en": "…"}}, $1…$9 for
// substitutions) into public/_locales/{id,en}/messages.json, then deletes the fragment.
// Usage: node scripts/merge-messages.mjs utils/calendar/messages.json [...]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const files = process.argv.slice(2);
const locales = Object.fromEntries(['id', 'en'].map((l) => [l, JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8'))]));
for (const file of files) {
  const frag = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, texts] of Object.entries(frag)) {
    for (const lang of ['id', 'en']) {
      if (locales[lang][key] && locales[lang][key].message !== undefined) throw new Error(`${file}: key ${key} exists already`);
      const placeholders = {};
      const message = texts[lang].replace(/\$(\d)/g, (_, n) => { placeholders[`p${n}`] = { content: `$${n}` }; return `$p${n}$`; });
      locales[lang][key] = { message, ...(Object.keys(placeholders).length ? { placeholders } : {}) };
    }
  }
  rmSync(file);
}
for (const [l, m] of Object.entries(locales)) writeFileSync(`public/_locales/${l}/messages.json`, JSON.stringify(m, null, 2) + '\n');
