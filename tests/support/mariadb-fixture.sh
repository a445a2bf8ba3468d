#!/usr/bin/env bash
# Starts/stops a throwaway MariaDB server for the test run: datadir in DIR, unix socket, a free
# loopback port, an app user with a password and a read-only user. Writes DIR/info.env.
# `start DIR tls`: also TLS, with a throwaway CA and server certificate made here (and a
# second, unrelated CA for the wrong-CA case); info.env then names CA and OTHER_CA.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
tls=${3:-}
sock="$dir/mysqld.sock"

make_certificates() {
  local d="$1/tls"
  mkdir -p "$d"
  local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  openssl req -x509 "${ec[@]}" -days 2 -subj "/CN=Atalaya test CA" -keyout "$d/ca-key.pem" -out "$d/ca.pem" 2>/dev/null
  openssl req "${ec[@]}" -subj "/CN=127.0.0.1" -keyout "$d/server-key.pem" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$d/san.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca-key.pem" -CAcreateserial -days 2 \
    -extfile "$d/san.ext" -out "$d/server-cert.pem" 2>/dev/null
  openssl req -x509 "${ec[@]}" -days 2 -subj "/CN=Some other CA" -keyout "$d/other-ca-key.pem" -out "$d/other-ca.pem" 2>/dev/null
}

stop_server() {
  if [ -S "$sock" ]; then
    mariadb-admin --no-defaults --socket="$sock" -uroot shutdown 2>/dev/null || true
  fi
  if [ -f "$dir/mysqld.pid" ]; then
    pid=$(cat "$dir/mysqld.pid" 2>/dev/null || true)
    for _ in $(seq 50); do
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  fi
}

case "$cmd" in
start)
  stop_server
  rm -rf "$dir"
  # Its own tmpdir: servers of other sandboxes sharing /tmp can have the same pid, and so the
  # same temporary table file names (information_schema reads failed with Errcode 2).
  mkdir -p "$dir/data" "$dir/tmp"
  # The bootstrap server needs that tmpdir too (it failed on a clashing '#sql-temptable').
  mariadb-install-db --no-defaults --user=root --datadir="$dir/data" --tmpdir="$dir/tmp" \
    --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  tls_args=()
  if [ "$tls" = tls ]; then
    make_certificates "$dir"
    tls_args=(--ssl-ca="$dir/tls/ca.pem" --ssl-cert="$dir/tls/server-cert.pem" --ssl-key="$dir/tls/server-key.pem")
  fi
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$sock" --port="$port" \
    --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --tmpdir="$dir/tmp" \
    --innodb-buffer-pool-size=${ATALAYA_MARIADB_BUFFER_POOL:-256M} --innodb-flush-log-at-trx-commit=2 --skip-name-resolve \
    --max-connections=500 "${tls_args[@]}" >/dev/null 2>&1 &
  for _ in $(seq 200); do
    mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null || { cat "$dir/error.log"; exit 1; }
  pw="t$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  ropw="r$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE USER 'atalaya'@'127.0.0.1' IDENTIFIED BY '$pw';
CREATE USER 'atalaya'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'atalaya'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'atalaya'@'localhost';
CREATE USER 'atalaya_ro'@'127.0.0.1' IDENTIFIED BY '$ropw';
CREATE USER 'atalaya_ro'@'localhost' IDENTIFIED BY '$ropw';
GRANT SELECT ON *.* TO 'atalaya_ro'@'127.0.0.1';
GRANT SELECT ON *.* TO 'atalaya_ro'@'localhost';
FLUSH PRIVILEGES;
SQL
  cat >"$dir/info.env" <<INFO
SOCKET=$sock
PORT=$port
USER=atalaya
PASSWORD=$pw
READONLY_USER=atalaya_ro
READONLY_PASSWORD=$ropw
PID_FILE=$dir/mysqld.pid
DATADIR=$dir/data
INFO
  if [ "$tls" = tls ]; then
    printf 'CA=%s\nOTHER_CA=%s\n' "$dir/tls/ca.pem" "$dir/tls/other-ca.pem" >>"$dir/info.env"
  fi
  echo "MariaDB test server on 127.0.0.1:$port (socket $sock)"
  ;;
stop)
  stop_server
  echo "MariaDB test server stopped"
  ;;
*)
  echo "usage: $0 start DIR [tls] | stop DIR" >&2
  exit 2
  ;;
esac
