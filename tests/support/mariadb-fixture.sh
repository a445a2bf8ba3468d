#!/usr/bin/env bash
# Starts/stops a throwaway MariaDB server for the test run: datadir in DIR, unix socket, a free
# loopback port, an app user with a password and a read-only user. Writes DIR/info.env.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
sock="$dir/mysqld.sock"

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
  mkdir -p "$dir/data"
  mariadb-install-db --no-defaults --user=root --datadir="$dir/data" \
    --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$sock" --port="$port" \
    --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
    --innodb-buffer-pool-size=${ATALAYA_MARIADB_BUFFER_POOL:-256M} --innodb-flush-log-at-trx-commit=2 --skip-name-resolve \
    --max-connections=500 >/dev/null 2>&1 &
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
  echo "MariaDB test server on 127.0.0.1:$port (socket $sock)"
  ;;
stop)
  stop_server
  echo "MariaDB test server stopped"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
