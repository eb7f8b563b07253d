#!/usr/bin/env bash
# Submits a pos-sim sweep to Slurm: an array job of SWEEP_SHARDS shards, then a merge
# job that depends on it. Prints both job ids. Options after the file (e.g. --wait,
# --mem=8G) go to the merge job's sbatch: with --wait this returns when the merge has
# ended, with its exit status. For both jobs use sbatch's own variables, e.g.
# SBATCH_PARTITION=short or SBATCH_TIMELIMIT=2:00:00.
#
#   SWEEP_SHARDS=8 examples/slurm/submit.sh my-sweep.yaml
#
# Environment, each with a default:
#   SWEEP_SHARDS      array size, the number of shards (4)
#   SWEEP_OUT         the merged results folder (results/NAME-sweep-DATE-TIME)
#   SWEEP_SHARDS_DIR  where the shard folders go (SWEEP_OUT.shards)
#   POS_SIM           the command that runs pos-sim (this checkout's bin/pos-sim.js)
# Both jobs see this environment (sbatch exports it), so they agree on the folders.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 SCENARIO.yaml [sbatch options for the merge job]" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

export SWEEP_FILE=$1
shift
export SWEEP_SHARDS=${SWEEP_SHARDS:-4}
case $SWEEP_SHARDS in
  '' | *[!0-9]* | 0) echo "SWEEP_SHARDS must be a whole number >= 1, got '$SWEEP_SHARDS'" >&2; exit 64 ;;
esac
name=$(basename "$SWEEP_FILE" .yaml)
export SWEEP_OUT=${SWEEP_OUT:-results/$name-sweep-$(date +%Y%m%d-%H%M%S)}
export SWEEP_SHARDS_DIR=${SWEEP_SHARDS_DIR:-$SWEEP_OUT.shards}
# Absolute, so the jobs find it whatever folder they start in.
export POS_SIM=${POS_SIM:-node $repo/bin/pos-sim.js}

sweep_job=$(sbatch --parsable --array="0-$((SWEEP_SHARDS - 1))" "$here/sweep.sbatch")
sweep_job=${sweep_job%%;*} # --parsable adds ";CLUSTER" on multi-cluster sites
echo "sweep: array job $sweep_job, $SWEEP_SHARDS shards of $SWEEP_FILE into $SWEEP_SHARDS_DIR/"
status=0
merge_job=$(sbatch --parsable --dependency="afterok:$sweep_job" --kill-on-invalid-dep=yes "$@" "$here/merge.sbatch") || status=$?
merge_job=${merge_job%%;*}
echo "merge: job $merge_job, into $SWEEP_OUT/ once every shard has succeeded"
# sbatch --wait exits 0 for a job cancelled before it ran, as the merge is when a
# shard fails: its state says what happened.
# (A job slurmctld has already forgotten, after MinJobAge, leaves sbatch's status.)
state=$(scontrol show job --oneliner "$merge_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' || true)
case $state in
  '' | JobState=COMPLETED | JobState=PENDING | JobState=RUNNING | JobState=CONFIGURING) ;;
  *)
    echo "merge: job $merge_job $state; see slurm-${sweep_job}_*.out and slurm-$merge_job.out" >&2
    [ "$status" -ne 0 ] || status=1
    ;;
esac
exit "$status"
