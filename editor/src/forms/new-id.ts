/**
 * Ids a clerk never types: a kind prefix and the pinyin of the Chinese name
 * (被市级以上媒体曝光 → rule-bei-shi-ji-yi-shang-mei-ti-bao-guang), with -2, -3…
 * on a clash. Made once, when the thing is created, and never re-derived on a
 * rename: a reference to it stays valid, and a polyphone pinyin-pro misreads
 * (长乐 as zhang-le) does no harm beyond the look of the id. This module
 * pulls in pinyin-pro (≈ 300 KB): the forms import it only when they create.
 */
import { pinyin } from 'pinyin-pro';
import { isObject, type Json } from '../document/index.ts';

/** Ids stay readable: the slug is cut at a syllable once it passes this length. */
const MAX_SLUG = 40;

export function slugOf(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  let slug = '';
  for (const s of syllables) {
    if (slug && slug.length + 1 + s.length > MAX_SLUG) break;
    slug = slug ? `${slug}-${s}` : s;
  }
  return slug;
}

/** Every `id` the document uses anywhere: a new id clashes with none of them, whatever its kind. */
export function takenIds(doc: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(doc)) for (const v of doc) takenIds(v, into);
  else if (isObject(doc)) {
    if (typeof doc.id === 'string') into.add(doc.id);
    for (const v of Object.values(doc)) if (typeof v === 'object' && v !== null) takenIds(v, into);
  }
  return into;
}

/** `prefix-slug`, or `prefix-slug-2`…; the id is added to `taken`, so several made in one go differ. */
export function newId(prefix: string, name: string, taken: Set<string>): string {
  const slug = slugOf(name);
  const base = slug ? `${prefix}-${slug}` : prefix;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A fact field's key from its Chinese name (日期 → ri-qi), unique among the type's fields. */
export function fieldKey(name: string, taken: Iterable<string>): string {
  const keys = new Set(taken);
  const slug = slugOf(name).replace(/-/g, '_') || 'field';
  let key = /^[a-z]/.test(slug) ? slug : `f_${slug}`;
  for (let n = 2; keys.has(key); n++) key = `${slug}_${n}`;
  return key;
}
