# build-aux/deps.sh: sourced by build-aux/run and build-aux/test.
# Installs the Debian/Ubuntu packages Rectify needs, or says which to install.
#
# SPDX-License-Identifier: GPL-3.0-or-later

RECTIFY_BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext \
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcairo2-dev libpango1.0-dev \
  libxlsxwriter-dev libcsv-dev desktop-file-utils appstream"
RECTIFY_TEST_PACKAGES="xvfb xauth dbus dbus-x11 sqlite3 python3 python3-gi python3-openpyxl \
  python3-pil gir1.2-atspi-2.0 python3-pyatspi at-spi2-core xdotool shared-mime-info \
  flatpak-builder libreoffice-calc-nogui locales"

rectify_ensure_packages ()
{
  local wanted="$*" missing="" pkg
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "This system has no apt. Install the equivalents of these Debian packages, then re-run:" >&2
    echo "  $wanted" | tr -s ' ' >&2
    for pkg in meson ninja pkg-config; do
      command -v "$pkg" >/dev/null 2>&1 || { echo "missing: $pkg" >&2; return 1; }
    done
    return 0
  fi
  for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing="$missing $pkg"
    fi
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "Not root and no sudo: install these packages, then re-run:$missing" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q || return 1
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing || return 1
}

rectify_ensure_locale ()
{
  # $1: a locale such as de_DE.UTF-8, for the tests of dates and numbers in the locale's format.
  # Generated when missing and we may (root or sudo); otherwise those checks are skipped.
  local name="$1" lang="${1%%.*}" sudo=""
  locale -a 2>/dev/null | grep -qix "${lang}.utf-\?8" && return 0
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || {
      echo "note: locale $name is missing; the tests that need it are skipped" >&2
      return 0
    }
    sudo="sudo -n"
  fi
  echo "Generating the locale $name"
  $sudo localedef -i "$lang" -f UTF-8 "$name" ||
    echo "note: could not generate $name; the tests that need it are skipped" >&2
  return 0
}

rectify_configure ()
{
  # $1: build directory; rest: extra meson options
  local dir="$1"; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null || meson setup --wipe "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

rectify_sanitizer_env ()
{
  # $1: the source folder. The environment of the runs under AddressSanitizer,
  # UndefinedBehaviorSanitizer and LeakSanitizer (build-aux/test, build-aux/test-sanitizers).
  # LeakSanitizer: known one-time allocations of the libraries, each explained in tests/lsan.supp.
  export LSAN_OPTIONS="suppressions=$1/tests/lsan.supp:print_suppressions=0"
  # Abort on the first report (a core dump and a clear exit status in meson's log); check the
  # order of global initialisers and strings passed to libc. Leak detection is on for every
  # test, the UI tests too. fast_unwind_on_malloc=0: whole allocation stacks (Debian's
  # libraries have no frame pointers, so the fast unwinder stops at g_malloc), which the
  # suppressions of tests/lsan.supp need and a report needs to be read.
  export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_string_checks=1:detect_odr_violation=0:fast_unwind_on_malloc=0"
  # The slow unwinder deadlocks in llvmpipe's shader compiler (LLVM registers its unwind
  # tables under libgcc's lock, allocates, and the unwinder takes that lock again): the UI tests
  # draw with the Cairo renderer under the sanitizers.
  export GSK_RENDERER=cairo
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  # GLib's slice allocator hides leaks from LSan; malloc everything.
  export G_SLICE=always-malloc
}
