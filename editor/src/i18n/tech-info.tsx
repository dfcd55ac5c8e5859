/**
 * 技术信息: codes, keys and JSON Pointers are for engineers. Each panel has
 * one toggle; inside it, `<Tech>` shows its children only while the toggle
 * is on, so what a clerk sees by default is words only.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';

const TechContext = createContext(false);

/** A panel's 技术信息 switch and the region it governs. */
export function TechPanel({ children, render }: { children?: ReactNode; render?: (toggle: ReactNode) => ReactNode }) {
  const [on, setOn] = useState(false);
  const toggle = (
    <button type="button" className="link tech-toggle" aria-pressed={on} onClick={() => setOn(!on)}>
      技术信息
    </button>
  );
  return <TechContext.Provider value={on}>{render ? render(toggle) : (<>{toggle}{children}</>)}</TechContext.Provider>;
}

export const useTech = () => useContext(TechContext);

/** Shown only while the panel's 技术信息 is on (marked for the label test: nothing here is a clerk's word). */
export function Tech({ children }: { children: ReactNode }) {
  return useTech() ? <span className="tech">{children}</span> : null;
}
