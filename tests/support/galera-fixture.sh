#!/usr/bin/env bash
# Starts/stops a throwaway 3-node MariaDB Galera cluster on loopback for the failover test and
# bench (docs/DEPLOYMENTS.md §Galera cluster). Each node has its own datadir, socket, tmpdir,
# SQL port and Galera ports (group, IST, SST), all free loopback ports; node 1 bootstraps the
# cluster and nodes 2 and 3 join it one after the other by rsync SST. The nodes run as the
# `mysql` user: as root the rsync SST daemon drops to `nobody` and the joiner cannot write.
# Writes DIR/info.env: NODES (host:port,… for a --db URL), PORT1..3, SOCKET1..3, PID_FILE1..3,
# USER, PASSWORD. Without the wsrep provider (Debian package galera-4) or rsync, `start` writes
# DIR/info.env with MISSING=… and exits 0, so the tests can skip and say why.
#   galera-fixture.sh start DIR | stop DIR | restart-node DIR N
set -euo pipefail
cmd=${1:?start|stop|restart-node}
dir=${2:?directory}
provider=/usr/lib/galera/libgalera_smm.so

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

node_dir() { echo "$dir/node$1"; }

stop_node() {
  local d pid
  d=$(node_dir "$1")
  [ -d "$d" ] || return 0
  if [ -S "$d/mysqld.sock" ]; then
    mariadb-admin --no-defaults --socket="$d/mysqld.sock" -uroot shutdown 2>/dev/null || true
  fi
  pid=$(cat "$d/mysqld.pid" 2>/dev/null || true)
  for _ in $(seq 100); do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
}

# Starts node N from the ports in DIR/ports.env; extra arguments go to mariadbd.
start_node() {
  local n=$1
  shift
  local d
  d=$(node_dir "$n")
  # shellcheck disable=SC1091
  . "$dir/ports.env"
  local sql="SQL$n" base="BASE$n" ist="IST$n" sst="SST$n"
  rm -f "$d/mysqld.pid"
  mariadbd --no-defaults --user=mysql --datadir="$d/data" --socket="$d/mysqld.sock" --port="${!sql}" \
    --bind-address=127.0.0.1 --pid-file="$d/mysqld.pid" --log-error="$d/error.log" --tmpdir="$d/tmp" \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=32M --innodb-flush-log-at-trx-commit=2 \
    --skip-name-resolve --max-connections=300 \
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB \
    --wsrep-on=ON --wsrep-provider="$provider" --wsrep-cluster-name=atalaya-test \
    --wsrep-cluster-address="gcomm://127.0.0.1:$BASE1,127.0.0.1:$BASE2,127.0.0.1:$BASE3" \
    --wsrep-node-address="127.0.0.1:${!base}" --wsrep-node-name="node$n" \
    --wsrep-provider-options="base_port=${!base};ist.recv_addr=127.0.0.1:${!ist};gcache.size=32M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:${!sst}" \
    "$@" >/dev/null 2>&1 &
}

# Waits until node N is synced with the cluster (wsrep_ready=ON); false after ~60 s.
wait_synced() {
  local sock
  sock="$(node_dir "$1")/mysqld.sock"
  for _ in $(seq 600); do
    if [ "$(mariadb --no-defaults --socket="$sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_ready'" 2>/dev/null | cut -f2)" = ON ]; then
      return 0
    fi
    sleep 0.1
  done
  cat "$(node_dir "$1")/error.log" >&2
  return 1
}

case "$cmd" in
start)
  for n in 1 2 3; do stop_node "$n"; done
  rm -rf "$dir"
  mkdir -p "$dir"
  missing=()
  [ -f "$provider" ] || missing+=(galera-4)
  command -v rsync >/dev/null || missing+=(rsync)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "MISSING=${missing[*]}" >"$dir/info.env"
    echo "Galera test cluster not started: install ${missing[*]}"
    exit 0
  fi
  {
    for n in 1 2 3; do
      echo "SQL$n=$(free_port)"
      echo "BASE$n=$(free_port)"
      echo "IST$n=$(free_port)"
      echo "SST$n=$(free_port)"
    done
  } >"$dir/ports.env"
  for n in 1 2 3; do
    d=$(node_dir "$n")
    mkdir -p "$d/data" "$d/tmp"
  done
  chown -R mysql:mysql "$dir"
  # Only node 1 gets system tables: the others receive everything by SST.
  mariadb-install-db --no-defaults --user=mysql --datadir="$(node_dir 1)/data" --tmpdir="$(node_dir 1)/tmp" \
    --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  start_node 1 --wsrep-new-cluster
  wait_synced 1
  pw="g$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  mariadb --no-defaults --socket="$(node_dir 1)/mysqld.sock" -uroot <<SQL
CREATE USER 'atalaya'@'127.0.0.1' IDENTIFIED BY '$pw';
CREATE USER 'atalaya'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'atalaya'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'atalaya'@'localhost';
SQL
  for n in 2 3; do
    start_node "$n"
    wait_synced "$n"
  done
  size=$(mariadb --no-defaults --socket="$(node_dir 1)/mysqld.sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)
  [ "$size" = 3 ] || { echo "error: the Galera cluster has $size nodes, not 3" >&2; exit 1; }
  # shellcheck disable=SC1091
  . "$dir/ports.env"
  {
    echo "NODES=127.0.0.1:$SQL1,127.0.0.1:$SQL2,127.0.0.1:$SQL3"
    for n in 1 2 3; do
      port="SQL$n"
      echo "PORT$n=${!port}"
      echo "SOCKET$n=$(node_dir "$n")/mysqld.sock"
      echo "PID_FILE$n=$(node_dir "$n")/mysqld.pid"
    done
    echo "USER=atalaya"
    echo "PASSWORD=$pw"
  } >"$dir/info.env"
  echo "Galera test cluster: 3 nodes on 127.0.0.1:$SQL1,$SQL2,$SQL3"
  ;;
restart-node)
  n=${3:?node number}
  start_node "$n"
  wait_synced "$n"
  ;;
stop)
  # Joiners first, so the last node does not wait for a quorum that is leaving.
  for n in 3 2 1; do stop_node "$n"; done
  rm -rf "$dir"
  echo "Galera test cluster stopped"
  ;;
*)
  echo "usage: $0 start DIR | stop DIR | restart-node DIR N" >&2
  exit 2
  ;;
esac
