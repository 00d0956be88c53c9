#!/usr/bin/env bash
# Makes sure socat is installed (Debian's `socat` package): the Modbus RTU test links a serial
# simulator and the agent through a pseudo-terminal pair that socat makes (no serial hardware here).
#   bash scripts/install-socat.sh      prints the path of socat on stdout
set -euo pipefail
exec bash "$(dirname "$0")/install-apt-tool.sh" socat socat "the Modbus RTU test's pseudo-terminal pair"
