#!/usr/bin/env bash
# Installs the pgvector extension into the machine's PostgreSQL when it is missing.
# Debian bookworm ships no pgvector for PostgreSQL 15; it builds from Debian trixie's source package
# (a separate sources list used only for `apt-get source`) in about 30 s.
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_CONFIG" ] || { echo "install-pgvector: no PostgreSQL server found"; exit 1; }
if [ -f "$("$PG_CONFIG" --sharedir)/extension/vector.control" ]; then
  echo "install-pgvector: pgvector already installed"
  exit 0
fi
PG_MAJOR=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
SRC_LIST=/etc/apt/sources.list.d/aos-trixie-src.list
if [ ! -f "$SRC_LIST" ]; then
  echo "deb-src http://deb.debian.org/debian trixie main" | $SUDO tee "$SRC_LIST" >/dev/null
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq build-essential "postgresql-server-dev-${PG_MAJOR}" dpkg-dev >/dev/null

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
apt-get source --download-only pgvector >/dev/null
tar xf pgvector_*.orig.tar.* 
cd pgvector-*/
make -s PG_CONFIG="$PG_CONFIG" >/dev/null
$SUDO make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
echo "install-pgvector: installed pgvector for PostgreSQL ${PG_MAJOR}"
