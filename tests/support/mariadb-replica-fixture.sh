#!/usr/bin/env bash
# Starts/stops a throwaway MariaDB primary + replica pair on loopback for the replica tests
# (docs/DEPLOYMENTS.md §Primary + replicas): DIR/primary with log-bin, server-id 1 and
# binlog_format=ROW; DIR/replica with server-id 2, read_only, replicating from the primary by
# GTID. The accounts are made on the primary and reach the replica through replication:
# `atalaya` (every privilege, also SLAVE MONITOR for the lag) and `atalaya_nomon` (the test
# databases only, so SHOW SLAVE STATUS is refused and the lag comes from the heartbeat row).
# Writes DIR/info.env. `restart-replica DIR` starts a killed replica again.
set -euo pipefail
cmd=${1:?start|stop|restart-replica}
dir=${2:?directory}

stop_server() {
  local d="$1"
  if [ -S "$d/mysqld.sock" ]; then
    mariadb-admin --no-defaults --socket="$d/mysqld.sock" -uroot shutdown 2>/dev/null || true
  fi
  if [ -f "$d/mysqld.pid" ]; then
    pid=$(cat "$d/mysqld.pid" 2>/dev/null || true)
    for _ in $(seq 50); do
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_server NAME SERVER_ID PORT EXTRA...
start_server() {
  local d="$dir/$1"
  mkdir -p "$d/data" "$d/tmp"
  mariadb-install-db --no-defaults --user=root --datadir="$d/data" --tmpdir="$d/tmp" \
    --auth-root-authentication-method=socket --skip-test-db >"$d/install.log" 2>&1
  run_server "$@"
}

# run_server NAME SERVER_ID PORT EXTRA...: on an installed datadir (also again after a kill).
run_server() {
  local d="$dir/$1" id="$2" port="$3"
  shift 3
  rm -f "$d/mysqld.pid"
  mariadbd --no-defaults --user=root --datadir="$d/data" --socket="$d/mysqld.sock" --port="$port" \
    --bind-address=127.0.0.1 --pid-file="$d/mysqld.pid" --log-error="$d/error.log" --tmpdir="$d/tmp" \
    --innodb-buffer-pool-size=${ATALAYA_MARIADB_BUFFER_POOL:-128M} --innodb-flush-log-at-trx-commit=2 \
    --skip-name-resolve --max-connections=300 --server-id="$id" "$@" >/dev/null 2>&1 &
  for _ in $(seq 200); do
    mariadb-admin --no-defaults --socket="$d/mysqld.sock" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$d/error.log"
  return 1
}

case "$cmd" in
start)
  stop_server "$dir/replica"
  stop_server "$dir/primary"
  rm -rf "$dir"
  mkdir -p "$dir"
  pport=$(free_port)
  rport=$(free_port)
  start_server primary 1 "$pport" --log-bin=primary-bin --binlog-format=ROW
  # The replica keeps the default slave_run_triggers_for_rbr=NO: the primary's triggers already
  # wrote the rollup and queue-count rows, which arrive as rows.
  start_server replica 2 "$rport" --read-only=ON --relay-log=replica-relay
  pw="t$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  replpw="p$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  mariadb --no-defaults --socket="$dir/replica/mysqld.sock" -uroot <<SQL
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$pport, MASTER_USER='repl',
  MASTER_PASSWORD='$replpw', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
SQL
  mariadb --no-defaults --socket="$dir/primary/mysqld.sock" -uroot <<SQL
CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY '$replpw';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
CREATE USER 'atalaya'@'127.0.0.1' IDENTIFIED BY '$pw';
CREATE USER 'atalaya'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'atalaya'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'atalaya'@'localhost';
CREATE USER 'atalaya_nomon'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON \`r\\_%\`.* TO 'atalaya_nomon'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
  echo "$rport" >"$dir/replica/port"
  mariadb --no-defaults --socket="$dir/replica/mysqld.sock" -uroot -e "START SLAVE"
  # The accounts must have arrived before a test connects to the replica with them.
  for _ in $(seq 100); do
    n=$(mariadb --no-defaults --socket="$dir/replica/mysqld.sock" -uroot -N \
          -e "SELECT COUNT(*) FROM mysql.user WHERE User='atalaya_nomon'" 2>/dev/null || echo 0)
    [ "$n" = 1 ] && break
    sleep 0.1
  done
  [ "$n" = 1 ] || { mariadb --no-defaults --socket="$dir/replica/mysqld.sock" -uroot -e "SHOW SLAVE STATUS\G"; exit 1; }
  cat >"$dir/info.env" <<INFO
PRIMARY_SOCKET=$dir/primary/mysqld.sock
PRIMARY_PORT=$pport
REPLICA_SOCKET=$dir/replica/mysqld.sock
REPLICA_PORT=$rport
REPLICA_PID_FILE=$dir/replica/mysqld.pid
USER=atalaya
PASSWORD=$pw
NOMON_USER=atalaya_nomon
INFO
  echo "MariaDB primary on 127.0.0.1:$pport, replica on 127.0.0.1:$rport"
  ;;
restart-replica)
  # After the replica was killed: same datadir, port and settings; replication resumes on its own.
  run_server replica 2 "$(cat "$dir/replica/port")" --read-only=ON --relay-log=replica-relay
  echo "MariaDB replica running again"
  ;;
stop)
  stop_server "$dir/replica"
  stop_server "$dir/primary"
  echo "MariaDB primary + replica stopped"
  ;;
*)
  echo "usage: $0 start DIR | stop DIR | restart-replica DIR" >&2
  exit 2
  ;;
esac
