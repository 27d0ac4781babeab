// Synchronous Asio operations on pipes, POSIX descriptors, serial ports and
// buffered streams: each has an async_ twin (test/catalog/asio-twins.test
// finds them in the headers), which the fix awaits.
// REQUIRES: asio
// RUN: %check_async_tidy --compile-fixed=%clangxx %s async-blocking-file-io,async-blocking-socket %t -- %asio_flags

#include <asio.hpp>

using asio::ip::tcp;

asio::awaitable<void> devices(asio::posix::stream_descriptor &tty,
                              asio::serial_port &port,
                              asio::readable_pipe &in,
                              asio::writable_pipe &out) {
  char buf[64];
  std::size_t n = tty.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'asio::posix::basic_stream_descriptor::read_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: std::size_t n = co_await tty.async_read_some(asio::buffer(buf), asio::use_awaitable);
  tty.write_some(asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'asio::posix::basic_stream_descriptor::write_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await tty.async_write_some(asio::buffer(buf, n), asio::use_awaitable);
  tty.wait(asio::posix::descriptor_base::wait_read);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'asio::posix::basic_descriptor::wait' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await tty.async_wait(asio::posix::descriptor_base::wait_read, asio::use_awaitable);
  port.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'asio::basic_serial_port::read_some' waits for the serial port inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await port.async_read_some(asio::buffer(buf), asio::use_awaitable);
  port.write_some(asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'asio::basic_serial_port::write_some' waits for the serial port inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await port.async_write_some(asio::buffer(buf, n), asio::use_awaitable);
  in.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'asio::basic_readable_pipe::read_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await in.async_read_some(asio::buffer(buf), asio::use_awaitable);
  out.write_some(asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'asio::basic_writable_pipe::write_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await out.async_write_some(asio::buffer(buf, n), asio::use_awaitable);
  co_return;
}

asio::awaitable<void> buffered(asio::buffered_stream<tcp::socket> &stream,
                               asio::buffered_read_stream<tcp::socket> &reader,
                               asio::buffered_write_stream<tcp::socket> &writer) {
  char buf[64];
  stream.fill();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::buffered_stream::fill' waits for data inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await stream.async_fill(asio::use_awaitable);
  std::size_t n = stream.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'asio::buffered_stream::read_some' waits for data inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: std::size_t n = co_await stream.async_read_some(asio::buffer(buf), asio::use_awaitable);
  stream.write_some(asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::buffered_stream::write_some' waits until the data is sent inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await stream.async_write_some(asio::buffer(buf, n), asio::use_awaitable);
  stream.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::buffered_stream::flush' waits until the data is sent inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await stream.async_flush(asio::use_awaitable);
  reader.fill();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::buffered_read_stream::fill' waits for data inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await reader.async_fill(asio::use_awaitable);
  writer.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::buffered_write_stream::flush' waits until the data is sent inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await writer.async_flush(asio::use_awaitable);
  co_return;
}

// Nothing below is reported: what does not wait.
asio::awaitable<void> quiet(asio::posix::stream_descriptor &tty,
                            asio::serial_port &port,
                            asio::buffered_stream<tcp::socket> &stream) {
  char buf[64];
  co_await tty.async_read_some(asio::buffer(buf), asio::use_awaitable);
  co_await port.async_write_some(asio::buffer(buf), asio::use_awaitable);
  co_await stream.async_fill(asio::use_awaitable);
  tty.native_handle();
  tty.non_blocking(true);
  port.is_open();
  stream.in_avail();
  stream.peek(asio::buffer(buf));
  co_return;
}
