/**
 * The canvas from the keyboard: what a screen reader is told (live announcements, the cards'
 * description), the "Connect…" menu, and React Flow's own labels (its `ariaLabelConfig`).
 */
export const en = {
  cardHelp:
    'Enter or Space selects the card. Arrow keys go to the nearest card; on a selected card they move it (Shift: bigger steps). C connects it to another card, Shift+F10 opens its menu, Delete removes it, Escape deselects.',
  edgeHelp: 'Enter or Space selects the connection; Delete removes it.',
  moved: 'Moved {{direction}}, now at x {{x}}, y {{y}}',
  direction: { up: 'up', down: 'down', left: 'left', right: 'right' },
  added: 'Added {{label}}. Focus is on the new card.',
  deleted: 'Deleted {{names}}',
  deletedEdges_one: 'Removed {{count}} connection',
  deletedEdges_other: 'Removed {{count}} connections',
  selected: 'Selected {{label}}',
  selectedMany: '{{count}} cards selected',
  connectMenu: 'Connect {{name}}',
  connectTitle: 'Connect {{name}}…',
  connectTo: 'to {{name}}',
  connectFrom: 'from {{name}}',
  connectNone: 'No card can be connected to {{name}} yet: add one from the palette.',
  connectItem: 'Connect…',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Zoom to fit',
  interactive: 'Lock or unlock the canvas',
  handle: 'Connection point',
  shortcuts: {
    navigate: 'Go to the nearest card (on a card) · Tab: next card',
    select: 'Select the focused card',
    move: 'Move the selected card (Shift: 4× the step)',
    connect: 'Connect the focused card to another',
    menu: 'Open the focused card’s menu',
  },
};
