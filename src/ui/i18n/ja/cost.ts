/** Japanese texts of the `cost` namespace (loaded only when the studio speaks Japanese; keys: ../cost.ts). */
import type { en } from '../cost.ts';

export const ja: typeof en = {
  items: {
    kds_shardHour: 'シャード時間',
    kds_putPayloadUnit: 'PUT ペイロードユニット (25 KB)',
    kds_extendedRetentionShardHour: '保持期間の延長 (24 時間 – 7 日)',
    kds_efoConsumerShardHour: '拡張ファンアウトのコンシューマーシャード時間',
    kds_efoGB: '拡張ファンアウトのデータ取得',
    kds_onDemandStreamHour: 'オンデマンドのストリーム時間',
    kds_onDemandGBIn: 'オンデマンドのデータ受信 (1 KB 単位に切り上げ)',
    kds_onDemandGBOut: 'オンデマンドのデータ送信',
    kds_onDemandEfoGBOut: 'オンデマンドの拡張ファンアウトデータ送信',
    firehose_ingestGB: 'Firehose の取り込み (5 KB 単位に切り上げ)',
    firehose_formatConversionGB: 'Firehose の形式変換',
    lambda_request: 'Lambda のリクエスト',
    lambda_gbSecond: 'Lambda の実行時間 (GB 秒)',
    kda_kpuHour: 'Analytics の KPU 時間',
    redshift_dc2_large: 'Redshift dc2.large のノード時間',
    redshift_ra3_xlplus: 'Redshift ra3.xlplus のノード時間',
    redshift_ra3_4xlarge: 'Redshift ra3.4xlarge のノード時間',
    redshift_managedStorageGBMonth: 'Redshift マネージドストレージ (RA3)',
    s3_storageGBMonth: 'S3 標準ストレージ',
    s3_putRequest: 'S3 の PUT リクエスト',
    opensearch_t3_small_search: 'OpenSearch t3.small.search のインスタンス時間',
    opensearch_m6g_large_search: 'OpenSearch m6g.large.search のインスタンス時間',
    opensearch_r6g_large_search: 'OpenSearch r6g.large.search のインスタンス時間',
    opensearch_r6g_xlarge_search: 'OpenSearch r6g.xlarge.search のインスタンス時間',
    opensearch_ebsGBMonth: 'OpenSearch の EBS ストレージ (gp2)',
    dynamodb_wcuHour: 'DynamoDB のプロビジョンド書き込み容量',
    dynamodb_writeRequestUnit: 'DynamoDB のオンデマンド書き込み',
    dynamodb_storageGBMonth: 'DynamoDB のストレージ',
  },
  units: {
    shard_hours: 'シャード時間',
    PUT_payload_units: 'PUT ペイロードユニット',
    consumer_shard_hours: 'コンシューマーシャード時間',
    GB: 'GB',
    stream_hours: 'ストリーム時間',
    requests: 'リクエスト',
    GB_seconds: 'GB 秒',
    KPU_hours: 'KPU 時間',
    node_hours: 'ノード時間',
    GB_months: 'GB 月',
    PUT_requests: 'PUT リクエスト',
    instance_hours: 'インスタンス時間',
    WCU_hours: 'WCU 時間',
    write_request_units: '書き込みリクエストユニット',
  },
  assumptions: {
    estimate:
      '設計だけからの見積もり: プロデューサーの平均レートとレコードサイズ、Lambda はレコードを 1 対 1 で渡し、集計する Analytics クエリは毎秒約 1 行、圧縮なしと仮定。',
    prices2017:
      '2017 年当時の us-east-1 の定価 (KDS のシャード時間 $0.015、PUT ペイロードユニット 100 万あたり $0.014、Firehose は GB あたり $0.029)。',
    newSince2017:
      '拡張ファンアウトとオンデマンドモードは 2017 年には存在しなかったため、現在の料金で計算しています。',
    freeTiers: '無料枠は差し引いていません。',
    pricesCurrent:
      'us-east-1 の定価 (AWS ドキュメントの料金ページ。特記のない限り us-east-1)。Firehose は最初の階層 (月 500 TB まで GB あたり $0.029)。',
    notPricedRedshift: '未計上: Redshift の無料枠を超えるバックアップ、Concurrency Scaling、Spectrum。',
    notPricedS3: '未計上: S3 の GET リクエスト、ライフサイクル移行、AWS 外へのデータ転送。',
    notPricedOpenSearch:
      '未計上: OpenSearch の専用マスターノード、UltraWarm、一覧 (t3.small、m6g.large、r6g.large、r6g.xlarge) 以外のインスタンスタイプ。ストレージはプロビジョニングした EBS ボリュームではなく、インデックスしたバイト数で計量します。',
    notPricedOther:
      '未計上: DynamoDB の読み込み、バックアップ、ストリーム、CloudWatch のメトリクスとログ、KMS リクエスト、VPC 配信、Kinesis エージェントと Data Generator のホスト。',
    storageGrows:
      'ストレージ (S3、Redshift RA3、OpenSearch、DynamoDB) は実行中にこれまで配信した量に GB 月単価で課金するため、実行とともに増えます。',
    openSearchType: '未計上: OpenSearch のインスタンスタイプ {{type}} ({{name}})。',
    longRetention: '長期保持 (7 日超) のストレージ (GB 月) は計量していません。',
  },
  source: '{{source}}',
  sourceRead: '{{source}} ({{date}} 確認)',
};
