#!/bin/sh
# A real-GPU benchmark of the Keras text CNN's training steps, for a GPU machine with no network.
#
#   scripts/bench-gpu.sh pack [DIR]   here (with network and node_modules): writes DIR (default
#                                     .bench-gpu/, git-ignored) with everything the run needs
#   DIR/bench-gpu.sh run [SECONDS]    there: prints samples/s for tfjs standard, fused WGSL and
#                                     PyTorch CUDA, and the ratios
#
# DIR holds: this machine's Node binary (xz), the npm package `webgpu` (Dawn for Node, linux-x64
# only), the bench bundled for Node with tfjs, tfjs-backend-webgpu and the studio's fused WGSL
# kernels (scripts/bench-gpu/), Debian's libvulkan1 .deb (the Vulkan loader, unpacked there into
# DIR, not /), the PyTorch script and this script. The GPU machine brings the NVIDIA driver and
# PyTorch. See docs/backends-and-speed.md#a-real-gpu-benchmark.
set -eu
mode=${1:-}
case "$mode" in
pack)
  dir=${2:-.bench-gpu}
  rm -rf "$dir" && mkdir -p "$dir/webgpu/dist/linux-x64"
  node scripts/bench-gpu/build.mjs "$dir/bundle"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent webgpu@0.6.2 >/dev/null && tar xzf webgpu-0.6.2.tgz && apt-get download libvulkan1 >/dev/null 2>&1)
  cp "$tmp/package/index.js" "$tmp/package/package.json" "$tmp/package/LICENSE.md" "$dir/webgpu/"
  cp "$tmp/package/dist/linux-x64/dawn.node" "$dir/webgpu/dist/linux-x64/"
  cp "$tmp"/libvulkan1_*.deb "$dir/"
  rm -rf "$tmp"
  xz -T0 -6 -c "$(command -v node)" >"$dir/node.xz"
  cp scripts/bench_gpu_torch.py scripts/bench_torch.py "$dir/"
  cp "$0" "$dir/bench-gpu.sh"
  du -sh "$dir"
  ;;
run)
  here=$(cd "$(dirname "$0")" && pwd)
  seconds=${2:-10}
  [ -x "$here/node" ] || xz -dc "$here/node.xz" >"$here/node" && chmod +x "$here/node"
  if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
    mkdir -p "$here/vulkan" && dpkg -x "$here"/libvulkan1_*.deb "$here/vulkan"
    export LD_LIBRARY_PATH="$here/vulkan/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
  icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
  [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$icd" ] && export VK_DRIVER_FILES="$icd"
  out=$(mktemp)
  WEBGPU_MODULE="$here/webgpu/index.js" BENCH_GPU_SECONDS="$seconds" "$here/node" "$here/bundle/benchGpu.mjs" | tee "$out"
  (cd "$here" && python3 bench_gpu_torch.py "$seconds") | tee -a "$out" || echo '{"row":"PyTorch CUDA","error":"python3 or torch missing"}' | tee -a "$out"
  "$here/node" -e '
    const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => { try { return JSON.parse(l); } catch { return {}; } });
    const by = Object.fromEntries(rows.filter((r) => r.row && r.samplesPerSecond).map((r) => [r.row, r.samplesPerSecond]));
    console.log("\nKeras text CNN, batch 32, samples/s:");
    for (const name of ["tfjs standard", "fused WGSL", "PyTorch CUDA"]) console.log(`  ${name.padEnd(14)} ${by[name] ? by[name].toFixed(1) : "not measured"}`);
    const ratio = (a, b) => (by[a] && by[b] ? `${(by[a] / by[b]).toFixed(2)}x` : "n/a");
    console.log(`  fused WGSL / tfjs standard: ${ratio("fused WGSL", "tfjs standard")}; fused WGSL / PyTorch CUDA: ${ratio("fused WGSL", "PyTorch CUDA")}; tfjs standard / PyTorch CUDA: ${ratio("tfjs standard", "PyTorch CUDA")}`);
  ' "$out"
  ;;
*)
  echo "usage: scripts/bench-gpu.sh pack [DIR] | DIR/bench-gpu.sh run [SECONDS]" >&2
  exit 64
  ;;
esac
