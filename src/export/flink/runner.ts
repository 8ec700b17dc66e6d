/**
 * main.py: the PyFlink entry point of a Managed Flink application's code bundle (zip it with the
 * node's `<name>.sql` and the Kinesis and Firehose SQL connector jars in lib/connectors.jar, as the
 * CloudFormation export's `kinesis.analytics.flink.run.options` says). It reads the `shardscape`
 * property group (sql.file, aws.region, aws.account), fills the placeholders, runs each DDL statement
 * and submits the INSERTs as one job.
 */
export const FLINK_MAIN_PY = `# Runs a Shardscape Flink SQL export on Amazon Managed Service for Apache Flink (PyFlink).
import glob, json, os, re
from pyflink.table import EnvironmentSettings, TableEnvironment

PROPS = "/etc/flink/application_properties.json"  # where Managed Flink puts the application's properties

def properties():
    groups = json.load(open(PROPS)) if os.path.exists(PROPS) else []
    return next((g["PropertyMap"] for g in groups if g["PropertyGroupId"] == "shardscape"), {})

def main():
    p = properties()
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, p.get("sql.file") or sorted(glob.glob(os.path.join(here, "*.sql")))[0])
    sql = open(path, encoding="utf-8").read()
    sql = sql.replace("\${aws.region}", p.get("aws.region") or os.environ.get("AWS_REGION", "us-east-1"))
    sql = sql.replace("\${aws.account}", p.get("aws.account") or os.environ.get("AWS_ACCOUNT_ID", ""))
    sql = "\\n".join(l for l in sql.splitlines() if not l.lstrip().startswith("--"))
    env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
    inserts = []
    for stmt in (s.strip() for s in re.split(r";\\s*(?:\\n|$)", sql)):
        stmt = re.sub(r"^EXECUTE STATEMENT SET\\s+BEGIN\\s+", "", stmt, flags=re.I)
        if not stmt or stmt.upper() == "END":
            continue
        if stmt.upper().startswith("INSERT"):
            inserts.append(stmt)  # every INSERT goes into one job, as a statement set
        else:
            env.execute_sql(stmt)  # CREATE TABLE / CREATE TEMPORARY VIEW
    job = env.create_statement_set()
    for stmt in inserts:
        job.add_insert_sql(stmt)
    job.execute()  # Managed Flink keeps the job running; locally, add .wait()

if __name__ == "__main__":
    main()
`;
