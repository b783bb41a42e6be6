# The script library, sourced by every script in examples/ and dev/ (it is not run on its own):
#
#   repo             the repository root
#   say MESSAGE      "[$tag] MESSAGE" on standard error (tag: set it before sourcing); on the
#                    descriptor TFS_SAY_FD instead (the main job: 1, standard output), and not at
#                    all with TFS_QUIET set; a MESSAGE starting with ERROR always on standard error
#   package_zip      the package zip that the build writes for this host (TFS_PLATFORM: another)
#   build_if_stale   runs mvn package when the build is older than its sources (the one rule)
#   build_classpath  this checkout's build: target/classes, the package's lib/ and natives, Weka
#   exec_java CLASSPATH MAIN [ARGS...]
#                    the one JVM launch line; it replaces the shell, so call it last or in ( )
# shellcheck shell=bash

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tag=${tag:-$(basename "$0" .sh)}

say() {
  if [[ "$*" == ERROR* ]]; then
    echo "[$tag] $*" >&2
  elif [[ -z "${TFS_QUIET:-}" ]]; then
    echo "[$tag] $*" >&"${TFS_SAY_FD:-2}"
  fi
}

package_zip() {
  local version host
  version=$(sed -n 's/^Version=//p' "$repo/Description.props")
  # the host's platform, as the build names its zip and package (TFS_PLATFORM overrides it, e.g.
  # linux-x86_64-gpu after mvn package -Pgpu)
  case "$(uname -s)-$(uname -m)" in
    Linux-aarch64 | Linux-arm64) host=linux-arm64 ;;
    Darwin-*) host=macosx-arm64 ;;
    MINGW* | MSYS* | CYGWIN*) host=windows-x86_64 ;;
    *) host=linux-x86_64 ;;
  esac
  echo "$repo/target/tensorflowSuperposition-$version-${TFS_PLATFORM:-$host}.zip"
}

# The one rule: the package zip is the build's last product, so the build is stale when the zip is
# missing or anything it is made of (src/, pom.xml, Description.props) is newer than it. The zip is
# touched after each build, because Maven leaves an up-to-date zip as it was (a changed test, say).
# With TFS_PACKAGE_ZIP (a zip given from outside, as the integration tests do inside a Maven
# build) nothing is built.
build_if_stale() {
  [[ -z "${TFS_PACKAGE_ZIP:-}" ]] || return 0
  local zip
  zip=$(package_zip)
  if [[ -f "$zip" && -z "$(cd "$repo" && find src pom.xml Description.props -newer "$zip" -print -quit)" ]]; then
    return 0
  fi
  say "building the package (mvn package)"
  (cd "$repo" && mvn -B -q -Dstyle.color=never -DskipTests package)
  touch "$zip"
}

build_classpath() {
  echo "$repo/target/classes:$repo/target/package/lib/*:$repo/target/package/natives/*:$(cat "$repo/target/weka-classpath.txt")"
}

# JAVA_OPTS passes through (a script may give it a default first); TF_CPP_MIN_LOG_LEVEL=2 silences
# TensorFlow's start-up lines unless set otherwise; logging.properties silences Weka's BLAS
# warnings; offline, because Weka's package manager tries the network at every start and can hang
# on a closed one; --add-opens silences a harmless reflection error that Weka's class discovery
# prints on Java 17 (as pom.xml's weka.jvm.opens for the tests).
# Native memory, each unless set otherwise (the same numbers, bit for bit; README "Memory"):
# TF_ONEDNN_USE_SYSTEM_ALLOCATOR=1 has TensorFlow's tensors of 256 KB and more allocated with
# malloc and freed back, instead of in oneDNN's pool, which grows by doubling regions and never
# shrinks; MALLOC_MMAP_THRESHOLD_ (1 MB, fixed) has glibc map every block from 1 MB up on its own
# and unmap it when freed, instead of keeping it in its arenas. Together: 55-60 MB less peak RSS
# in the main job.
exec_java() {
  local classpath=$1
  shift
  export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
  export TF_ONEDNN_USE_SYSTEM_ALLOCATOR=${TF_ONEDNN_USE_SYSTEM_ALLOCATOR:-1}
  export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-1048576}
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  exec java ${JAVA_OPTS:-} --add-opens java.base/sun.net.www.protocol.jar=ALL-UNNAMED \
    -Djava.util.logging.config.file="$repo/examples/logging.properties" \
    -Dweka.packageManager.offline=true -cp "$classpath" "$@"
}
