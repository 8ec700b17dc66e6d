/**
 * What the canvas says to a screen reader (a polite live region in FlowCanvas): a card added,
 * selected, deleted. Each message carries a sequence number so the same words said twice
 * ("Selected stream-1" again) are announced twice.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

interface Announcement {
  text: string;
  seq: number;
}

const store = createStore<Announcement>(() => ({ text: '', seq: 0 }));

export function announce(text: string): void {
  store.setState((s) => ({ text, seq: s.seq + 1 }));
}

export function useAnnouncement(): Announcement {
  return useStore(store);
}

export function lastAnnouncement(): string {
  return store.getState().text;
}
