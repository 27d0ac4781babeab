# lit configuration for async-tidy; see test/README.md.
import hashlib
import os
import shlex

import lit.formats
import lit.util

config.name = "async-tidy"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "utils"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.async_tidy_obj_root, "test")

llvm_bin = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [llvm_bin, config.environment.get("PATH", "")])
# Hermetic: no user's clangd or clang-tidy configuration leaks in.
config.environment["HOME"] = os.path.join(config.test_exec_root, "home")
config.environment["XDG_CONFIG_HOME"] = os.path.join(config.test_exec_root, "home")

python = "/usr/bin/python3"
obj = config.async_tidy_obj_root
src = config.async_tidy_src_root
v = config.llvm_version
plugin = os.path.join(obj, "lib", "AsyncTidy.so")
async_tidy = os.path.join(obj, "bin", "async-tidy")
async_clangd = os.path.join(obj, "bin", "async-clangd")
clang_tidy = os.path.join(llvm_bin, "clang-tidy")
filecheck = os.path.join(llvm_bin, "FileCheck")
utils = os.path.join(src, "test", "utils")

runner = " ".join([
    python, os.path.join(utils, "check_async_tidy.py"),
    "--filecheck=" + filecheck,
    "--tool=" + shlex.quote("plugin=%s -load=%s" % (clang_tidy, plugin)),
    "--tool=" + shlex.quote("async-tidy=" + async_tidy),
])

config.substitutions += [
    ("%check_async_tidy", runner),
    ("%plugin", plugin),
    ("%async-tidy", async_tidy),
    ("%async-clangd", async_clangd),
    ("%clang-tidy", clang_tidy),
    ("%clangxx", os.path.join(llvm_bin, "clang++")),
    ("%python", python),
    ("%utils", utils),
    ("%src", src),
    ("%obj", obj),
    ("%llvm_version", v),
    ("%inputs", os.path.join(src, "test", "Inputs")),
    # Headers of Debian packages unpacked by ./run rather than installed.
    ("%unpacked", os.path.join(obj, "deps", "root", "usr", "include")),
    ("%resource_dir", config.resource_dir),
    # Microsoft's SARIF validator, installed by ./run with npm.
    ("%sarif-multitool", os.path.join(
        obj, "tools", "sarif-multitool", "node_modules", "@microsoft",
        "sarif-multitool-linux", "Sarif.Multitool")),
    ("%asio_flags", "-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1"),
    # Debian's Qt 6 is built with -reduce-relocations: code must be -fPIC.
    # The include directories are those of QCoro's and Qt's CMake targets.
    ("%qt_flags", " ".join(
        ["-fPIC", "-I/usr/include/qcoro6", "-I/usr/include/qcoro6/qcoro",
         "-I/usr/include/qcoro6/QCoro"] +
        ["-I/usr/include/x86_64-linux-gnu/qt6" + m
         for m in ("", "/QtCore", "/QtNetwork", "/QtConcurrent")])),
]

# Optional real headers: a test that needs some REQUIRES their feature, and
# is reported UNSUPPORTED, naming it, on a machine without them (./run
# installs them all).
def boost_version():
    try:
        with open("/usr/include/boost/version.hpp") as f:
            for line in f:
                if line.startswith("#define BOOST_VERSION "):
                    return int(line.split()[2])
    except OSError:
        pass
    return 0


inc = "/usr/include"
qt = os.path.join(inc, "x86_64-linux-gnu", "qt6")
unpacked = os.path.join(obj, "deps", "root", "usr", "include")
optional_headers = {
    "asio": [os.path.join(inc, "asio.hpp")],
    "qcoro": [os.path.join(qt, "QtCore", "QObject"),
              os.path.join(inc, "qcoro6", "qcoro", "qcorotask.h")],
    "db-clients": [os.path.join(inc, h) for h in (
        "postgresql/libpq-fe.h", "sqlite3.h", "mariadb/mysql.h", "hiredis/hiredis.h",
        "libmongoc-1.0/mongoc/mongoc.h", "librdkafka/rdkafka.h",
        "pqxx/pqxx", "SQLiteCpp/SQLiteCpp.h", "soci/soci.h")] +
                  [os.path.join(unpacked, "cppconn", "driver.h")],
    "http-clients": [os.path.join(inc, h) for h in (
        "x86_64-linux-gnu/curl/curl.h", "curlpp/Easy.hpp", "httplib.h",
        "Poco/Net/HTTPClientSession.h", "grpcpp/grpcpp.h")] +
                    [os.path.join(unpacked, "cpprest", "http_client.h")],
    "zmq": [os.path.join(inc, h) for h in ("zmq.h", "zmq.hpp")],
    # Libraries a server links, one feature per Debian package.
    "boost-filesystem": [os.path.join(inc, "boost", "filesystem.hpp")],
    "yaml-cpp": [os.path.join(inc, "yaml-cpp", "yaml.h")],
    "spdlog": [os.path.join(inc, "spdlog", "spdlog.h")],
    "minizip": [os.path.join(inc, "minizip", "unzip.h")],
    "rocksdb": [os.path.join(inc, "rocksdb", "db.h")],
    "leveldb": [os.path.join(inc, "leveldb", "db.h")],
    "libgit2": [os.path.join(inc, "git2.h")],
}
for feature, headers in optional_headers.items():
    if all(os.path.exists(h) for h in headers):
        config.available_features.add(feature)
# Boost.Asio's coroutines and Beast as clang sees them: Boost 1.81 (1.74
# hides awaitable from clang).
if boost_version() >= 108100 and os.path.exists(
        os.path.join(inc, "boost", "beast.hpp")):
    config.available_features.add("boost-asio")
# --param without=a,b pretends features are missing (test/self/ checks that
# such tests are skipped, with the reason).
for feature in lit_config.params.get("without", "").split(","):
    config.available_features.discard(feature.strip())
lit_bin = os.path.join(llvm_bin, "lit")
config.substitutions.append(("%lit", lit_bin if os.path.exists(lit_bin) else
                             python + " /usr/lib/llvm-%s/build/utils/lit/lit.py" % v))
# Commands that must meet file permissions run as an ordinary user: root
# writes any file. %user-tmp is a directory of /tmp for their files, which
# that user can reach wherever the build tree is (one per build tree).
config.substitutions.append(("%as-user", (
    "setpriv --reuid=65534 --regid=65534 --clear-groups"
    if os.geteuid() == 0 else "")))
config.substitutions.append(("%user-tmp", "/tmp/async-tidy-user-" +
    hashlib.sha256(obj.encode()).hexdigest()[:12]))

# The robustness runner (utils/stress.py) with the corpus's substitutions.
stress_subst = {name: value for name, value in config.substitutions
                if name in ("%inputs", "%src", "%unpacked", "%asio_flags",
                            "%qt_flags")}
config.substitutions.insert(0, ("%stress", " ".join(
    [python, os.path.join(utils, "stress.py"), "--root", src,
     "--tidy", async_tidy, "--clangxx", os.path.join(llvm_bin, "clang++")] +
    [shlex.quote("--subst=%s=%s" % (name[1:], value))
     for name, value in sorted(stress_subst.items())])))

# The long robustness runs (test/stress/) only with ./run stress.
if lit_config.params.get("stress"):
    config.available_features.add("stress")
else:
    config.excludes.append("stress")

# Another clang-tidy major for the plugin to refuse: 19 when built for 22,
# 22 when built for 19. Before %clang-tidy, which is a prefix of it.
other = "/usr/bin/clang-tidy-" + ("22" if v == "19" else "19")
if os.path.exists(other):
    config.available_features.add("other-clang-tidy")
    config.substitutions.insert(0, ("%other-clang-tidy", other))
