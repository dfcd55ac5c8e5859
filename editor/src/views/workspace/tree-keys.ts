/**
 * The indicator tree as an ARIA treeview for the keyboard: one Tab stop (the
 * current item), ↑/↓ to the previous/next visible item, → to the first child,
 * ← to the parent, Home/End to the first/last, Enter to select (opening its
 * editor), and typeahead on the names. The items are read from the DOM in
 * document order, which is the order the tree shows them.
 */
import { useCallback, useRef, type KeyboardEvent } from 'react';

const ITEM = '[role="treeitem"]';
/** Characters typed within this many ms of each other search as one word. */
const TYPEAHEAD_MS = 700;

function items(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>(ITEM)];
}

function focusItem(el: HTMLElement | undefined | null): void {
  if (!el) return;
  for (const other of el.closest('[role="tree"]')?.querySelectorAll<HTMLElement>(ITEM) ?? []) other.tabIndex = other === el ? 0 : -1;
  el.focus();
}

/** The onKeyDown of the `role="tree"` element; keys pressed inside an item's editor are left alone. */
export function useTreeKeys(): (e: KeyboardEvent<HTMLElement>) => void {
  const typed = useRef({ text: '', at: 0 });
  return useCallback((e: KeyboardEvent<HTMLElement>) => {
    const item = e.target as HTMLElement;
    if (item.getAttribute('role') !== 'treeitem' || e.altKey || e.ctrlKey || e.metaKey) return;
    // an IME composing a name must keep its Enter and arrows
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const all = items(e.currentTarget);
    const i = all.indexOf(item);
    const move = (el: HTMLElement | undefined | null) => {
      e.preventDefault();
      focusItem(el);
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(all[i + 1]);
      case 'ArrowUp':
        return move(all[i - 1]);
      case 'ArrowRight':
        return move(item.querySelector<HTMLElement>(ITEM));
      case 'ArrowLeft':
        return move(item.parentElement?.closest<HTMLElement>(ITEM));
      case 'Home':
        return move(all[0]);
      case 'End':
        return move(all[all.length - 1]);
      case 'Enter':
      case ' ':
        e.preventDefault();
        item.querySelector<HTMLElement>(':scope > .node > .node-name')?.click();
        return;
      default: {
        if (e.key.length !== 1 || e.key === ' ') return;
        const now = e.timeStamp;
        const t = typed.current;
        t.text = now - t.at > TYPEAHEAD_MS ? e.key : t.text + e.key;
        t.at = now;
        // from the item after this one, wrapping; a repeated single letter steps through the matches
        const order = [...all.slice(i + 1), ...all.slice(0, i + 1)];
        const hit = order.find((el) => (el.dataset.name ?? '').toLowerCase().startsWith(t.text.toLowerCase()));
        if (hit) move(hit);
      }
    }
  }, []);
}
