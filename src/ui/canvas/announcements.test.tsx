// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../model/factory.ts';
import { studioStore } from '../../store/studio.ts';
import '../i18n/index.ts';
import { addNode, deleteSelection } from '../app/commands.ts';
import { lastAnnouncement } from './announce.ts';
import { useCanvasAnnouncements } from './useCanvasKeyboard.ts';

function Announcer() {
  useCanvasAnnouncements();
  return null;
}

afterEach(() => {
  cleanup();
  studioStore.getState().loadDocument(emptyDocument());
});

describe('what the canvas says to a screen reader', () => {
  it('adding a card says which, not "Selected" on top of it; deleting says which went', () => {
    studioStore.getState().loadDocument(emptyDocument());
    render(<Announcer />);
    act(() => {
      addNode('stream', { x: 0, y: 0 });
    });
    expect(lastAnnouncement()).toBe('Added Data stream: stream-1. Focus is on the new card.');
    act(() => {
      deleteSelection();
    });
    expect(lastAnnouncement()).toBe('Deleted stream-1');
  });

  it('selecting a card says its kind and name; loading a whole design says nothing card by card', () => {
    studioStore.getState().loadDocument(emptyDocument());
    render(<Announcer />);
    act(() => {
      addNode('producer', { x: 0, y: 0 });
      addNode('lambda', { x: 400, y: 0 });
    });
    const producer = studioStore.getState().doc.nodes[0];
    act(() => {
      studioStore.getState().select({ nodeIds: [producer.id], edgeIds: [] });
    });
    expect(lastAnnouncement()).toBe(`Selected Producer: ${producer.name}`);
    const many = emptyDocument('big');
    many.nodes = Array.from({ length: 6 }, (_, i) => ({ ...producer, id: `p${i}`, name: `p${i}` }));
    act(() => {
      studioStore.getState().loadDocument(many);
    });
    expect(lastAnnouncement()).toBe(`Selected Producer: ${producer.name}`);
  });
});
