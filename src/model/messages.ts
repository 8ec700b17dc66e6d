/**
 * Diagnostic texts in English and Japanese, keyed by diagnostic code. Validation stores the English
 * text in `message` and everything needed to rebuild it in `params`, so diagnosticText() can give the
 * Japanese text (or the UI can build its own from code + params).
 */
import { fmt, type Locale, type Text, unitText } from './kinds/types.ts';
import type { Diagnostic } from './types.ts';

type P = Record<string, string | number>;
const n = (v: string | number | undefined) => (typeof v === 'number' ? fmt(v) : String(v ?? ''));
/** ' MiB', ' s', '' — unit with a leading space for English ranges. */
const u = (p: P) => (p.unit ? ` ${p.unit}` : '');
/** The unit in Japanese (秒, シャード…; symbols such as MiB unchanged). */
const uJa = (p: P) => (p.unit ? ` ${unitText(String(p.unit), 'ja')}` : '');

export const MESSAGES: Record<string, (p: P) => Text> = {
  range: (p) => ({
    en: `${p.label} must be between ${n(p.min)} and ${n(p.max)}${u(p)} (is ${n(p.value)}).`,
    ja: `${p.labelJa}は ${n(p.min)} – ${n(p.max)}${uJa(p)} の範囲で指定してください (現在 ${n(p.value)})。`,
  }),
  // SQL problems come from the SQL validator (src/engine/problems.ts); its detail stays in English.
  sql: (p) => ({
    en: `SQL ${p.line}:${p.column}: ${p.detail}`,
    ja: `SQL ${p.line} 行 ${p.column} 列: ${p.detail}`,
  }),
  'not-a-number': (p) => ({
    en: `${p.label} must be a number.`,
    ja: `${p.labelJa}には数値を指定してください。`,
  }),
  'not-integer': (p) => ({
    en: `${p.label} must be a whole number (is ${n(p.value)}).`,
    ja: `${p.labelJa}には整数を指定してください (現在 ${n(p.value)})。`,
  }),
  'invalid-option': (p) => ({
    en: `${p.label} has an unknown value "${p.value}".`,
    ja: `${p.labelJa}の値「${p.value}」は選択肢にありません。`,
  }),
  'empty-value': (p) => ({ en: `${p.label} must not be empty.`, ja: `${p.labelJa}を入力してください。` }),
  'empty-code': (p) => ({
    en: `${p.label} of "${p.name}" is empty.`,
    ja: `「${p.name}」の${p.labelJa}が空です。`,
  }),
  'empty-name': () => ({ en: 'The node needs a name.', ja: 'ノードに名前を付けてください。' }),
  'duplicate-name': (p) => ({
    en: `Two nodes of the same kind are named "${p.name}"; AWS resource names must be unique.`,
    ja: `同じ種類のノードが 2 つ「${p.name}」という名前です。AWS のリソース名は一意である必要があります。`,
  }),
  'record-age-range': (p) => ({
    en: `Maximum record age must be −1 (no limit) or between 60 and 604,800 s (is ${n(p.value)}).`,
    ja: `最大レコード経過時間は −1 (無制限) または 60 – 604,800 秒で指定してください (現在 ${n(p.value)})。`,
  }),
  'opensearch-buffer-range': (p) => ({
    en: `Buffer size must be between 1 and 100 MiB for an OpenSearch destination (is ${n(p.value)}).`,
    ja: `OpenSearch 送信先のバッファサイズは 1 – 100 MiB で指定してください (現在 ${n(p.value)})。`,
  }),
  'transform-timeout-range': (p) => ({
    en: `A Firehose transform function may run for at most 300 s (timeout is ${n(p.value)} s).`,
    ja: `Firehose 変換関数の実行時間は最大 300 秒です (タイムアウト ${n(p.value)} 秒)。`,
  }),
  'bucket-name': (p) => ({
    en: `Bucket name "${p.value}" is not valid: use 3 – 63 lower-case letters, digits, dots and hyphens.`,
    ja: `バケット名「${p.value}」は使えません: 英小文字・数字・ドット・ハイフンで 3 – 63 文字にしてください。`,
  }),
  'size-min-max': (p) => ({
    en: `Minimum size (${n(p.min)} bytes) is larger than maximum size (${n(p.max)} bytes).`,
    ja: `最小サイズ (${n(p.min)} バイト) が最大サイズ (${n(p.max)} バイト) より大きくなっています。`,
  }),
  'hash-key-range': (p) => ({
    en: `Explicit hash key "${p.value}" must be a decimal integer between 0 and 2^128−1.`,
    ja: `明示的ハッシュキー「${p.value}」は 0 – 2^128−1 の 10 進整数で指定してください。`,
  }),
  'efo-max-consumers': (p) => ({
    en: `A stream can have at most 20 enhanced fan-out consumers (has ${n(p.value)}).`,
    ja: `1 つのストリームに登録できる拡張ファンアウトコンシューマーは最大 20 です (現在 ${n(p.value)})。`,
  }),
  'efo-bad-name': (p) => ({
    en: `Enhanced fan-out consumer names must be non-empty and unique ("${p.value}").`,
    ja: `拡張ファンアウトコンシューマー名は空でなく一意である必要があります (「${p.value}」)。`,
  }),
  'reshard-on-demand': () => ({
    en: 'Scheduled resharding (split, merge, UpdateShardCount) works on provisioned streams only; this stream is on-demand.',
    ja: 'スケジュールされたリシャーディング (分割・マージ・UpdateShardCount) はプロビジョンドモードのみです。このストリームはオンデマンドです。',
  }),
  'reshard-invalid': (p) => ({
    en: `Reshard event ${n(p.index)} is not valid: ${p.detail}.`,
    ja: `リシャードイベント ${n(p.index)} が不正です: ${p.detailJa}。`,
  }),
  'efo-unknown-consumer': (p) => ({
    en: `This connection uses enhanced fan-out consumer "${p.value}", which stream "${p.name}" does not register.`,
    ja: `この接続が使う拡張ファンアウトコンシューマー「${p.value}」は、ストリーム「${p.name}」に登録されていません。`,
  }),
  'efo-not-stream': () => ({
    en: 'Enhanced fan-out applies only to connections that read from a data stream.',
    ja: '拡張ファンアウトはデータストリームからの読み取り接続にのみ使えます。',
  }),
  'firehose-short-interval': (p) => ({
    en: `A buffer interval under 60 s (${n(p.value)} s) makes S3 delivery use multipart uploads, which adds S3 request cost.`,
    ja: `60 秒未満のバッファ間隔 (${n(p.value)} 秒) では S3 への配信がマルチパートアップロードになり、S3 のリクエスト料金が増えます。`,
  }),
  'format-conversion-buffer': (p) => ({
    en: `Record format conversion needs a buffer size of at least 64 MiB (is ${n(p.value)} MiB).`,
    ja: `レコード形式の変換にはバッファサイズ 64 MiB 以上が必要です (現在 ${n(p.value)} MiB)。`,
  }),
  'format-conversion-s3-only': () => ({
    en: 'Record format conversion (Parquet / ORC) works only with an S3 destination.',
    ja: 'レコード形式の変換 (Parquet / ORC) は S3 送信先でのみ使えます。',
  }),
  'format-conversion-compression': () => ({
    en: 'With record format conversion, S3 compression must be "Uncompressed": the Parquet / ORC writer compresses.',
    ja: 'レコード形式の変換を使うときは S3 の圧縮を「非圧縮」にしてください。Parquet / ORC の書き込み側で圧縮します。',
  }),
  'redshift-compression': (p) => ({
    en: `Redshift COPY cannot read ${p.value} objects: use Uncompressed or GZIP for the staging bucket.`,
    ja: `Redshift の COPY は ${p.value} 形式を読めません。ステージング用バケットには非圧縮か GZIP を使ってください。`,
  }),
  'transform-lambda-missing': () => ({
    en: 'The transform Lambda function does not exist in this design.',
    ja: '変換用 Lambda 関数がこの設計にありません。',
  }),
  'transform-lambda-wrong-use': (p) => ({
    en: `Function "${p.name}" is a stream consumer; a transform Lambda must have its use set to "Firehose transform".`,
    ja: `関数「${p.name}」はストリームのコンシューマーです。変換用 Lambda の用途は「Firehose 変換」にしてください。`,
  }),
  'analytics-no-input': (p) => ({
    en: `Analytics application "${p.name}" has no input: connect a data stream to it.`,
    ja: `Analytics アプリケーション「${p.name}」に入力がありません。データストリームを接続してください。`,
  }),
  'analytics-many-inputs': (p) => ({
    en: `Analytics application "${p.name}" has ${n(p.value)} inputs; an application reads one source stream.`,
    ja: `Analytics アプリケーション「${p.name}」の入力が ${n(p.value)} 個あります。ソースストリームは 1 つです。`,
  }),
  'analytics-no-output': (p) => ({
    en: `Analytics application "${p.name}" has no output: its results go nowhere.`,
    ja: `Analytics アプリケーション「${p.name}」に出力がなく、結果がどこにも送られません。`,
  }),
  'analytics-max-outputs': (p) => ({
    en: `Analytics application "${p.name}" has ${n(p.value)} outputs; the maximum is 3.`,
    ja: `Analytics アプリケーション「${p.name}」の出力が ${n(p.value)} 個あります。上限は 3 つです。`,
  }),
  'analytics-output-stream': (p) => ({
    en: `An output of "${p.name}" names no in-application stream.`,
    ja: `「${p.name}」の出力にアプリケーション内ストリームが指定されていません。`,
  }),
  'analytics-no-columns': (p) => ({
    en: `Analytics application "${p.name}" has no input columns.`,
    ja: `Analytics アプリケーション「${p.name}」に入力列がありません。`,
  }),
  'kpl-into-analytics': (p) => ({
    en: `Analytics application "${p.name}" reads a stream fed by KPL aggregation; Analytics for SQL cannot de-aggregate KPL records.`,
    ja: `Analytics アプリケーション「${p.name}」は KPL 集約されたレコードのストリームを読みます。Analytics for SQL は KPL レコードを集約解除できません。`,
  }),
  'stream-no-producer': (p) => ({
    en: `Data stream "${p.name}" has no producer: nothing writes to it.`,
    ja: `データストリーム「${p.name}」にプロデューサーがなく、何も書き込まれません。`,
  }),
  'stream-no-consumer': (p) => ({
    en: `Data stream "${p.name}" has no consumer: its records are never read.`,
    ja: `データストリーム「${p.name}」にコンシューマーがなく、レコードが読み取られません。`,
  }),
  'producer-no-target': (p) => ({
    en: `Producer "${p.name}" is not connected: connect it to a data stream or a Firehose delivery stream.`,
    ja: `プロデューサー「${p.name}」が接続されていません。データストリームか Firehose 配信ストリームに接続してください。`,
  }),
  'producer-many-targets': (p) => ({
    en: `Producer "${p.name}" has ${n(p.value)} targets; a producer writes to one stream.`,
    ja: `プロデューサー「${p.name}」の書き込み先が ${n(p.value)} 個あります。書き込み先は 1 つです。`,
  }),
  'lambda-no-source': (p) => ({
    en: `Function "${p.name}" has no event source: connect a data stream or an Analytics application to it.`,
    ja: `関数「${p.name}」にイベントソースがありません。データストリームか Analytics アプリケーションを接続してください。`,
  }),
  'transform-unused': (p) => ({
    en: `Transform function "${p.name}" is not used by any Firehose delivery stream.`,
    ja: `変換関数「${p.name}」はどの Firehose 配信ストリームにも使われていません。`,
  }),
  'transform-has-edges': (p) => ({
    en: `Function "${p.name}" is a Firehose transform and cannot take part in connections; pick it in a delivery stream's "Transform Lambda" instead.`,
    ja: `関数「${p.name}」は Firehose 変換用なので接続できません。配信ストリームの「変換用 Lambda」で選んでください。`,
  }),
  'firehose-no-destination': (p) => ({
    en: `Delivery stream "${p.name}" has no destination: connect an S3 bucket, a Redshift cluster or an OpenSearch domain.`,
    ja: `配信ストリーム「${p.name}」に配信先がありません。S3 バケット、Redshift クラスター、OpenSearch ドメインのいずれかを接続してください。`,
  }),
  'firehose-no-source': (p) => ({
    en: `Delivery stream "${p.name}" has no source: connect a producer (Direct PUT) or a data stream.`,
    ja: `配信ストリーム「${p.name}」にソースがありません。プロデューサー (Direct PUT) かデータストリームを接続してください。`,
  }),
  'firehose-one-destination': (p) => ({
    en: `Delivery stream "${p.name}" has more than one destination; it delivers to exactly one (plus one S3 bucket for Redshift staging or OpenSearch backup).`,
    ja: `配信ストリーム「${p.name}」に配信先が複数あります。配信先は 1 つだけです (Redshift のステージングや OpenSearch のバックアップ用 S3 バケットは別)。`,
  }),
  'firehose-mixed-sources': (p) => ({
    en: `Delivery stream "${p.name}" reads from a data stream and also takes Direct PUT from producers; with a stream source, Direct PUT is disabled.`,
    ja: `配信ストリーム「${p.name}」はデータストリームから読み取りつつ、プロデューサーからの Direct PUT も受けています。ストリームがソースのときは Direct PUT は無効です。`,
  }),
  'firehose-source-mismatch': (p) => ({
    en:
      p.value === 'kinesisStream'
        ? `Delivery stream "${p.name}" reads from a data stream, so its source must be "Kinesis data stream".`
        : `Delivery stream "${p.name}" receives Direct PUT records, so its source must be "Direct PUT".`,
    ja:
      p.value === 'kinesisStream'
        ? `配信ストリーム「${p.name}」はデータストリームから読み取るため、ソースは「Kinesis データストリーム」にしてください。`
        : `配信ストリーム「${p.name}」は Direct PUT でレコードを受け取るため、ソースは「Direct PUT」にしてください。`,
  }),
  'firehose-many-streams': (p) => ({
    en: `Delivery stream "${p.name}" reads from ${n(p.value)} data streams; it can read from one.`,
    ja: `配信ストリーム「${p.name}」が ${n(p.value)} 個のデータストリームから読み取っています。ソースストリームは 1 つです。`,
  }),
  'redshift-needs-s3': (p) => ({
    en: `Delivery stream "${p.name}" delivers to Redshift but has no S3 staging bucket: Firehose writes to S3 first and then runs COPY. Connect an S3 bucket to it.`,
    ja: `配信ストリーム「${p.name}」は Redshift に配信しますが、ステージング用 S3 バケットがありません。Firehose はまず S3 に書き込んでから COPY を実行します。S3 バケットを接続してください。`,
  }),
  'opensearch-needs-s3': (p) => ({
    en: `Delivery stream "${p.name}" delivers to OpenSearch but has no S3 bucket for failed documents. Connect an S3 bucket to it.`,
    ja: `配信ストリーム「${p.name}」は OpenSearch に配信しますが、失敗したドキュメント用の S3 バケットがありません。S3 バケットを接続してください。`,
  }),
  'destination-unused': (p) => ({
    en: `"${p.name}" receives nothing: connect something to it.`,
    ja: `「${p.name}」には何も送られません。接続してください。`,
  }),
  'consumer-no-source': (p) => ({
    en: `Consumer application "${p.name}" reads no stream: connect a data stream to it.`,
    ja: `コンシューマーアプリケーション「${p.name}」が読み取るストリームがありません。データストリームを接続してください。`,
  }),
  'invalid-connection': (p) => ({ en: String(p.reason), ja: String(p.reasonJa) }),
  'edge-unknown-node': (p) => ({
    en: `A connection refers to node "${p.value}", which does not exist.`,
    ja: `接続が存在しないノード「${p.value}」を参照しています。`,
  }),
  'self-loop': () => ({ en: 'A node is connected to itself.', ja: 'ノードが自分自身に接続されています。' }),
  'duplicate-edge': () => ({
    en: 'The same two nodes are connected twice.',
    ja: '同じ 2 つのノードが 2 回接続されています。',
  }),
  cycle: () => ({
    en: 'The connections form a loop: records would flow back to where they came from.',
    ja: '接続がループになっています: レコードが元の場所に戻ってしまいます。',
  }),
  'timeline-missing-node': (p) => ({
    en: `Timeline event "${p.value}" refers to a node that does not exist.`,
    ja: `タイムラインのイベント「${p.value}」が存在しないノードを参照しています。`,
  }),
  'timeline-wrong-kind': (p) => ({
    en: `Timeline event "${p.value}" (${p.type}) cannot apply to "${p.name}".`,
    ja: `タイムラインのイベント「${p.value}」(${p.type}) は「${p.name}」には適用できません。`,
  }),
  'timeline-invalid': (p) => ({
    en: `Timeline event "${p.value}" is not valid: ${p.detail}.`,
    ja: `タイムラインのイベント「${p.value}」が不正です: ${p.detailJa}。`,
  }),
  'settings-invalid': (p) => ({
    en: `Run settings: ${p.detail}.`,
    ja: `実行設定: ${p.detailJa}。`,
  }),
  'export-name': (p) => ({
    en: `"${p.name}" cannot be deployed as this resource's name: use ${p.rule}, at most ${p.max} characters.`,
    ja: `「${p.name}」はこのリソースの名前としてデプロイできません。使える文字は ${p.rule}、${p.max} 文字までです。`,
  }),
  // The in-browser CloudFormation schema check (src/export/cfn-schema): the exported template's value
  // at `path` breaks the provider schema's `rule`.
  'export-schema': (p) => {
    const at = `${p.resource} ${p.path}`;
    switch (p.rule) {
      case 'unknown':
        return {
          en: `CloudFormation would refuse ${at}: no such property${p.expected ? ` (did you mean ${p.expected}?)` : ''}.`,
          ja: `CloudFormation は ${at} を受け付けません: そのプロパティはありません${p.expected ? ` (${p.expected} のことですか?)` : ''}。`,
        };
      case 'required':
        return {
          en: `CloudFormation needs ${at}, which is missing.`,
          ja: `CloudFormation には ${at} が必要ですが、ありません。`,
        };
      default:
        return {
          en: `CloudFormation would refuse ${at} = ${p.value}: expected ${p.expected}.`,
          ja: `CloudFormation は ${at} = ${p.value} を受け付けません: ${p.expected} が必要です。`,
        };
    }
  },
  'export-duplicate-name': (p) => ({
    en: `Two resources of this kind are named "${p.name}": AWS needs one name per resource.`,
    ja: `この種類のリソースに「${p.name}」という名前が 2 つあります。AWS ではリソースごとに別の名前が必要です。`,
  }),
};

/** Build a diagnostic whose message comes from the table. */
export function makeDiagnostic(
  severity: Diagnostic['severity'],
  code: string,
  params: P,
  where: { nodeId?: string; edgeId?: string; field?: string } = {},
): Diagnostic {
  const text = Object.hasOwn(MESSAGES, code) ? MESSAGES[code](params) : { en: code, ja: code };
  return { severity, code, message: text.en, ...where, params };
}

/** The diagnostic's text in a locale (Japanese rebuilt from code + params; English is `message`). */
export function diagnosticText(d: Diagnostic, locale: Locale): string {
  if (locale === 'en') return d.message;
  if (!Object.hasOwn(MESSAGES, d.code)) return d.message;
  return MESSAGES[d.code](d.params ?? {}).ja;
}
