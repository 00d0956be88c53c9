#!/usr/bin/env bash
# Installs Temporal's Java test server (the time-skipping server behind @temporalio/testing) from
# Maven Central into .tools/temporal-test-server, with a launcher that @temporalio/testing can start
# as an `existing-path` executable (`launcher <port> --enable-time-skipping`). Needs java (≥ 11) and
# mvn. Idempotent: returns at once when the pinned version is installed.
#   bash scripts/install-temporal-test-server.sh   prints the launcher's path on stdout
set -euo pipefail

VERSION=1.31.0

root=$(cd "$(dirname "$0")/.." && pwd)
home="${MRV_TOOLS_DIR:-$root/.tools}/temporal-test-server"
launcher="$home/temporal-test-server"
stamp="$home/.version-$VERSION"

fail() { echo "install-temporal-test-server: $*" >&2; exit 3; }

if [ -x "$launcher" ] && [ -f "$stamp" ]; then echo "$launcher"; exit 0; fi
command -v java >/dev/null 2>&1 || fail "java (≥ 11) is needed to run Temporal's test server (Debian: apt-get install default-jre-headless)"
command -v mvn >/dev/null 2>&1 || fail "mvn is needed to fetch Temporal's test server from Maven Central (Debian: apt-get install maven)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.mrv</groupId>
  <artifactId>temporal-test-server-runtime</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>$VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
echo "install-temporal-test-server: fetching io.temporal:temporal-test-server:$VERSION (first time only)" >&2
rm -rf "$home" && mkdir -p "$home/lib"
if ! (cd "$work" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$home/lib") >"$work/mvn.log" 2>&1; then
  tail -30 "$work/mvn.log" >&2
  fail "mvn could not fetch the test server (see above)"
fi
cat >"$launcher" <<'EOF'
#!/usr/bin/env bash
# Temporal's time-skipping test server: <port> [--enable-time-skipping]
here=$(cd "$(dirname "$0")" && pwd)
exec java -Xss1m -cp "$here/lib/*" io.temporal.testserver.TestServer "$@"
EOF
chmod +x "$launcher"
touch "$stamp"
echo "$launcher"
