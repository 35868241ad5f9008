#!/usr/bin/env bash
# Builds the PostgreSQL 18.6 client tools the tests need (pg_dump, pg_restore, psql and libpq) from PostgreSQL's
# source (Debian's copy of the release tarball, checked against its SHA-256) into a prefix of their own:
#
#   deployment/postgresql-client/install.sh [prefix]     default: $HOME/.cache/portal/postgresql-client-18.6
#
# Why: the tests' embedded PostgreSQL is 18.6, pg_dump refuses a server of a newer major version than its own, and
# Debian 12 ships the version 15 client. Only the client is built (libpq, pg_dump, pg_restore, psql), without ICU,
# readline or zlib, so no -dev package is needed; bison and flex (needed to build from a release tarball since
# PostgreSQL 17) are installed with apt-get when missing. About two minutes on two cores. Idempotent: a prefix that
# already holds the finished build is left as it is.
set -euo pipefail

VERSION=18.6
# the SHA-256 of the tarball whose MD5 (6143c18ab91bdfcaa056a61861814cde) is the one in Debian's Sources index
SHA256=555610c24d53e4316da5b7d3fc25c279d96856d5e0e23ee308c328c5fa881d9f
URL="http://deb.debian.org/debian/pool/main/p/postgresql-18/postgresql-18_${VERSION}.orig.tar.bz2"
PREFIX="${1:-$HOME/.cache/portal/postgresql-client-$VERSION}"
MARKER="$PREFIX/.installed"

if [[ -f "$MARKER" && -x "$PREFIX/bin/pg_dump" && -x "$PREFIX/bin/pg_restore" && -x "$PREFIX/bin/psql" ]] \
        && [[ "$("$PREFIX/bin/pg_dump" --version)" == "pg_dump (PostgreSQL) $VERSION" ]]; then
    echo "PostgreSQL $VERSION client already in $PREFIX/bin"
    exit 0
fi

# What the build needs: a C compiler and its headers, make, perl, bison, flex; bzip2 and curl to fetch and unpack.
missing=()
for tool in gcc make perl bison flex bzip2 curl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ -f /usr/include/stdio.h ]] || missing+=(libc6-dev)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing ${missing[*]} with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing to build the PostgreSQL client: ${missing[*]}. Install them (Debian: sudo apt-get install" \
            "${missing[*]}) and run $0 again." >&2
        exit 1
    fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/postgresql-client-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS

echo "Downloading $URL"
curl -fsSL --retry 3 -o "$work/postgresql.tar.bz2" "$URL"
echo "$SHA256  $work/postgresql.tar.bz2" | sha256sum -c --quiet - \
    || { echo "The download's SHA-256 is not $SHA256: refusing to build it" >&2; exit 1; }
tar -xjf "$work/postgresql.tar.bz2" -C "$work"
cd "$work/postgresql-$VERSION"

echo "Configuring (log: $work/configure.log is removed afterwards; it is printed on failure)"
./configure --prefix="$PREFIX" --without-icu --without-readline --without-zlib >"$work/configure.log" 2>&1 \
    || { tail -40 "$work/configure.log" >&2; exit 1; }

echo "Building libpq, pg_dump, pg_restore and psql"
# pg_dump reads catalog headers that the server's build generates. The libraries go one directory at a time (each
# with two jobs): the clients' makefiles would otherwise build the same library from two jobs at once.
make -s -j2 -C src/backend generated-headers
for dir in src/port src/common src/interfaces/libpq src/fe_utils src/bin/pg_dump src/bin/psql; do
    make -s -j2 -C "$dir"
done

rm -f "$MARKER"
mkdir -p "$PREFIX"
for dir in src/interfaces/libpq src/bin/pg_dump src/bin/psql; do
    make -s -C "$dir" install >/dev/null
done
"$PREFIX/bin/pg_dump" --version
touch "$MARKER"
echo "PostgreSQL $VERSION client installed in $PREFIX/bin in $((SECONDS - started)) s"
