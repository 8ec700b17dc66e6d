/** Japanese texts of the `keyboard` namespace (loaded only when the studio speaks Japanese; keys: ../keyboard.ts). */
import type { en } from '../keyboard.ts';

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
