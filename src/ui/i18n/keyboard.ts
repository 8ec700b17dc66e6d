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

export const ja: typeof en = {
  cardHelp:
    'Enter または Space でカードを選択します。矢印キーで最も近いカードへ移動し、選択中のカードでは矢印キーでカードを動かします（Shift で大きく）。C で別のカードに接続、Shift+F10 でメニュー、Delete で削除、Escape で選択解除。',
  edgeHelp: 'Enter または Space で接続を選択し、Delete で削除します。',
  moved: '{{direction}}へ移動しました。位置 x {{x}}、y {{y}}',
  direction: { up: '上', down: '下', left: '左', right: '右' },
  added: '{{label}} を追加しました。新しいカードにフォーカスがあります。',
  deleted: '{{names}} を削除しました',
  deletedEdges_one: '接続を {{count}} 本削除しました',
  deletedEdges_other: '接続を {{count}} 本削除しました',
  selected: '{{label}} を選択しました',
  selectedMany: '{{count}} 枚のカードを選択中',
  connectMenu: '{{name}} を接続',
  connectTitle: '{{name}} を接続…',
  connectTo: '{{name}} へ',
  connectFrom: '{{name}} から',
  connectNone: '{{name}} に接続できるカードはまだありません。パレットから追加してください。',
  connectItem: '接続…',
  zoomIn: 'ズームイン',
  zoomOut: 'ズームアウト',
  zoomFit: '全体を表示',
  interactive: 'キャンバスのロック切り替え',
  handle: '接続ポイント',
  shortcuts: {
    navigate: '最も近いカードへ移動（カード上）・Tab: 次のカード',
    select: 'フォーカス中のカードを選択',
    move: '選択中のカードを移動（Shift で 4 倍）',
    connect: 'フォーカス中のカードを別のカードに接続',
    menu: 'フォーカス中のカードのメニューを開く',
  },
};
