# Sourced by .ci/run: a throw-away PostgreSQL server for the tests, from Debian's packages.
#
# start_test_postgres: initdb in a temporary folder, start the server on a free local port (never
# the system cluster's 5432), create the role and database konflikt_test, and export
# KONFLIKT_TEST_POSTGRES. stop_test_postgres stops it and removes the folder. As root (CI) the
# server runs as the `postgres` user, which Debian's package creates; otherwise as the caller.

start_test_postgres() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "start_test_postgres: no PostgreSQL server binaries under /usr/lib/postgresql" >&2
        return 1
    fi
    local as_server=()
    [ "$(id -u)" = 0 ] && as_server=(runuser -u postgres --)
    TEST_PG_BIN=$bin
    TEST_PG_DATA=$(mktemp -d /tmp/konflikt-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$TEST_PG_DATA"
    TEST_PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # C.UTF-8: byte-order sorting as on any machine, and Unicode case folding for ILIKE.
    "${as_server[@]}" "$bin/initdb" -D "$TEST_PG_DATA/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 > "$TEST_PG_DATA/initdb.log" ||
        { cat "$TEST_PG_DATA/initdb.log" >&2; return 1; }
    "${as_server[@]}" "$bin/pg_ctl" -D "$TEST_PG_DATA/data" -l "$TEST_PG_DATA/server.log" -w \
        -o "-p $TEST_PG_PORT -c listen_addresses=127.0.0.1 -k $TEST_PG_DATA" start > /dev/null ||
        { cat "$TEST_PG_DATA/server.log" >&2; return 1; }
    local password
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    "$bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$TEST_PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE konflikt LOGIN PASSWORD '$password'" \
        -c "CREATE DATABASE konflikt_test OWNER konflikt" || return 1
    export KONFLIKT_TEST_POSTGRES="postgresql+psycopg://konflikt:$password@127.0.0.1:$TEST_PG_PORT/konflikt_test"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$TEST_PG_PORT"
}

stop_test_postgres() {
    [ -n "${TEST_PG_DATA:-}" ] || return 0
    local as_server=()
    [ "$(id -u)" = 0 ] && as_server=(runuser -u postgres --)
    "${as_server[@]}" "$TEST_PG_BIN/pg_ctl" -D "$TEST_PG_DATA/data" -m fast -w stop > /dev/null || true
    rm -rf "$TEST_PG_DATA"
    TEST_PG_DATA=
}
