#!/usr/bin/env bash
# The GPU measurements the README's "Speed" section quotes, in one run, on a machine with an NVIDIA GPU, CUDA 13,
# cuDNN 9 and the .NET 10 SDK:
#   1. builds aro with the CUDA execution provider (-p:AroGpu=true) from this checkout ("new") and from a baseline
#      commit ("base", default: the commit before the many-batches-in-flight pipeline),
#   2. runs `aro bench --device cuda` on the ViT-B/32-sized model with both, and with the new build once more with
#      pageable tensors (--page-lock off), interleaved, three times each (median), then once more with --profile
#      (stage totals and per-batch timeline of the new pipeline),
#   3. evaluates the demo (all ARO subsets with two seeds, and SugarCrepe), tiny BLIP and, when ARO_SHARED has them,
#      the shared fixtures on the CPU and on the GPU with the new build, and checks that every prediction is equal
#      (scores within 1e-4),
#   4. prints the figures for the README.
#
# Usage: scripts/gpu_check.sh [--baseline COMMIT] [--images N] [--model DIR] [--work DIR] [--new-build DIR --base-build DIR]
# --new-build/--base-build: use folders already published with -p:AroGpu=true (for a machine that cannot restore
# NuGet packages) instead of building here.
# --model: the package to bench; default models/bench-vit-b32 (/usr/bin/python3 scripts/make_bench_model.py makes it,
# see scripts/README.md; on a machine without torch, copy the folder over). CUDA libraries: put their folders on
# LD_LIBRARY_PATH (the README says how).
# Exit status: 0 when the builds, runs and every equality check pass; 1 otherwise.
set -euo pipefail

baseline=6ba3755
images=2000
work=${TMPDIR:-/tmp}/aro-gpu-check
new_build=
base_build=
repo=$(cd "$(dirname "$0")/.." && pwd)
model=$repo/models/bench-vit-b32
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) baseline=$2; shift 2 ;;
    --images) images=$2; shift 2 ;;
    --model) model=$(cd "$2" && pwd); shift 2 ;;
    --work) work=$2; shift 2 ;;
    --new-build) new_build=$2; shift 2 ;;
    --base-build) base_build=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "gpu_check: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done

fail() { echo "gpu_check: $*" >&2; exit 1; }
command -v nvidia-smi >/dev/null || fail "nvidia-smi not found: this script needs an NVIDIA GPU"
[[ -n $new_build && -n $base_build ]] || command -v dotnet >/dev/null || fail "dotnet not found: install the .NET 10 SDK (or pass --new-build and --base-build)"
command -v python3 >/dev/null || fail "python3 not found (used to compare prediction files)"
[[ -f $model/aro-model.json ]] || fail "$model missing: /usr/bin/python3 scripts/make_bench_model.py (or copy it here)"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
echo "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$work"
publish() { # source folder, output folder
  dotnet publish "$1/src/Aro.Cli" -c Release -r linux-x64 -p:AroGpu=true -o "$2" --nologo -v quiet >"$2.build.log" 2>&1 \
    || { tail -20 "$2.build.log"; fail "build of $1 failed (log: $2.build.log)"; }
}
if [[ -n $new_build && -n $base_build ]]; then
  ln -sfn "$(cd "$new_build" && pwd)" "$work/new"
  ln -sfn "$(cd "$base_build" && pwd)" "$work/base"
else
  echo "== building this checkout and the baseline $baseline with -p:AroGpu=true"
  publish "$repo" "$work/new"
  rm -rf "$work/base-src"
  git -C "$repo" worktree add --force --detach "$work/base-src" "$baseline" >/dev/null
  trap 'git -C "$repo" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true' EXIT
  publish "$work/base-src" "$work/base"
fi

echo "== aro bench --device cuda, $images cases, three rounds of base, new and new without page-locked tensors"
# label|build|extra arguments
variants=("base|base|" "new|new|" "new-pageable|new|--page-lock off")
for round in 1 2 3; do
  for variant in "${variants[@]}"; do
    IFS='|' read -r label build extra <<<"$variant"
    # shellcheck disable=SC2086
    "$work/$build/aro" bench --model "$model" --device cuda --images "$images" $extra --out "$work/bench-$label-$round.json" >"$work/bench-$label-$round.txt" 2>&1 \
      || { cat "$work/bench-$label-$round.txt"; fail "bench $label failed"; }
    echo "   $label round $round: $(grep -E '^ratio' "$work/bench-$label-$round.txt")"
  done
done
"$work/new/aro" bench --model "$model" --device cuda --images "$images" --profile --out "$work/bench-new-profile.json" >"$work/bench-new-profile.txt" 2>&1 \
  || { cat "$work/bench-new-profile.txt"; fail "profiled bench failed"; }

echo "== CPU against GPU predictions (new build)"
shared=${ARO_SHARED:-$repo/../shared}
runs=("demo|$repo/models/demo|$repo/data/demo|all|--seeds 1,2"
      "demo-sugarcrepe|$repo/models/demo|$repo/data/demo|sugarcrepe|"
      "tiny-blip|$repo/tests/fixtures/tiny-blip|$repo/data/demo|relation,coco-order|")
if [[ -d $shared/fixtures/tiny-clip && -d $shared/fixtures/aro-synth ]]; then
  runs+=("fixtures|$shared/fixtures/tiny-clip|$shared/fixtures/aro-synth|relation,attribution,$shared/fixtures/aro-synth/order_cases.jsonl|")
else
  echo "   (no shared fixtures at $shared: set ARO_SHARED to include them)"
fi
for entry in "${runs[@]}"; do
  IFS='|' read -r name pkg data subsets extra <<<"$entry"
  for device in cpu cuda; do
    # shellcheck disable=SC2086
    "$work/new/aro" eval --model "$pkg" --data "$data" --subset "$subsets" $extra --device "$device" --no-cache \
      --out "$work/eval-$name-$device" >"$work/eval-$name-$device.log" 2>&1 \
      || { tail -5 "$work/eval-$name-$device.log"; fail "eval of $name on $device failed"; }
  done
done
if python3 - "$work" "${runs[@]%%|*}" <<'EOF'
import csv, glob, os, sys
work, names = sys.argv[1], sys.argv[2:]
ok = True
for name in names:
    cpu_dir, gpu_dir = f"{work}/eval-{name}-cpu", f"{work}/eval-{name}-cuda"
    files = sorted(os.path.basename(p) for p in glob.glob(f"{cpu_dir}/*.predictions.csv"))
    rows = differing = 0
    worst = 0.0
    for file in files:
        with open(f"{cpu_dir}/{file}") as a, open(f"{gpu_dir}/{file}") as b:
            cpu_rows, gpu_rows = list(csv.DictReader(a)), list(csv.DictReader(b))
            if len(cpu_rows) != len(gpu_rows):
                differing += abs(len(cpu_rows) - len(gpu_rows))
            for x, y in zip(cpu_rows, gpu_rows):
                rows += 1
                if x["prediction"] != y["prediction"]:
                    differing += 1
                for key in x:
                    if key.startswith("score_") and x[key]:
                        worst = max(worst, abs(float(x[key]) - float(y[key])))
    good = files and differing == 0 and worst <= 1e-4
    ok &= bool(good)
    print(f"   {name}: {len(files)} prediction files, {rows} rows, {differing} predictions differ, largest score difference {worst:.2g}"
          + ("" if good else "  <-- FAILS"))
sys.exit(0 if ok else 1)
EOF
then equal=0; else equal=1; fi

echo "== figures for the README"
python3 - "$work" <<'EOF'
import json, statistics, sys
work = sys.argv[1]
for build in ("base", "new", "new-pageable"):
    runs = [json.load(open(f"{work}/bench-{build}-{r}.json")) for r in (1, 2, 3)]
    med = lambda k: statistics.median(r[k] for r in runs)
    ratios = ", ".join("{:.1%}".format(r["ratio"]) for r in runs)
    print("   {}: median of 3 runs of {} cases: {:.0f} cases/s, {:.1%} of the bare encoders ({:.0f} images/s, {:.0f} captions/s bare); "
          "ratios {}; decode threads {}, overlap {}, page-locked {}".format(build, runs[0]["cases"], med("cases_per_second"), med("ratio"),
          med("images_per_second"), med("captions_per_second"), ratios, runs[0]["decode_threads"], runs[0]["overlap"],
          runs[0].get("page_locked", "n/a")))
profile = json.load(open(f"{work}/bench-new-profile.json"))
print(f"   new, profiled: encoders busy {profile['encoder_busy']:.1%} of the wall time; stage totals:")
for stage in profile["profile"]["stages"]:
    print(f"      {stage['stage']:<18} {stage['seconds']:9.3f} s  {stage['share_of_wall']:7.1%}  {stage['milliseconds_per_item']:8.3f} ms/item")
EOF
echo "   (profile text, per-batch timeline: $work/bench-new-profile.txt)"
exit $equal
