// Synchronous Boost.Asio operations on pipes, POSIX descriptors, serial
// ports and buffered streams: each has an async_ twin
// (test/catalog/asio-twins.test finds them in the headers), which the fix
// awaits.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --compile-fixed=%clangxx %s async-blocking-file-io,async-blocking-socket %t

#include <boost/asio.hpp>

using boost::asio::ip::tcp;

boost::asio::awaitable<void> devices(boost::asio::posix::stream_descriptor &tty,
                              boost::asio::serial_port &port,
                              boost::asio::readable_pipe &in,
                              boost::asio::writable_pipe &out) {
  char buf[64];
  std::size_t n = tty.read_some(boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'boost::asio::posix::basic_stream_descriptor::read_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: std::size_t n = co_await tty.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  tty.write_some(boost::asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::posix::basic_stream_descriptor::write_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await tty.async_write_some(boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  tty.wait(boost::asio::posix::descriptor_base::wait_read);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::posix::basic_descriptor::wait' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await tty.async_wait(boost::asio::posix::descriptor_base::wait_read, boost::asio::use_awaitable);
  port.read_some(boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_serial_port::read_some' waits for the serial port inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await port.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  port.write_some(boost::asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_serial_port::write_some' waits for the serial port inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await port.async_write_some(boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  in.read_some(boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'boost::asio::basic_readable_pipe::read_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await in.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  out.write_some(boost::asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::basic_writable_pipe::write_some' waits for the file or pipe behind the descriptor inside coroutine 'devices', stalling every coroutine on its thread [async-blocking-file-io]
  // CHECK-FIXES: co_await out.async_write_some(boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  co_return;
}

boost::asio::awaitable<void> buffered(boost::asio::buffered_stream<tcp::socket> &stream,
                               boost::asio::buffered_read_stream<tcp::socket> &reader,
                               boost::asio::buffered_write_stream<tcp::socket> &writer) {
  char buf[64];
  stream.fill();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::buffered_stream::fill' waits for data inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await stream.async_fill(boost::asio::use_awaitable);
  std::size_t n = stream.read_some(boost::asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'boost::asio::buffered_stream::read_some' waits for data inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: std::size_t n = co_await stream.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  stream.write_some(boost::asio::buffer(buf, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::buffered_stream::write_some' waits until the data is sent inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await stream.async_write_some(boost::asio::buffer(buf, n), boost::asio::use_awaitable);
  stream.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::buffered_stream::flush' waits until the data is sent inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await stream.async_flush(boost::asio::use_awaitable);
  reader.fill();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::buffered_read_stream::fill' waits for data inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await reader.async_fill(boost::asio::use_awaitable);
  writer.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::buffered_write_stream::flush' waits until the data is sent inside coroutine 'buffered', stalling every coroutine on its thread [async-blocking-socket]
  // CHECK-FIXES: co_await writer.async_flush(boost::asio::use_awaitable);
  co_return;
}

// Nothing below is reported: what does not wait.
boost::asio::awaitable<void> quiet(boost::asio::posix::stream_descriptor &tty,
                            boost::asio::serial_port &port,
                            boost::asio::buffered_stream<tcp::socket> &stream) {
  char buf[64];
  co_await tty.async_read_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  co_await port.async_write_some(boost::asio::buffer(buf), boost::asio::use_awaitable);
  co_await stream.async_fill(boost::asio::use_awaitable);
  tty.native_handle();
  tty.non_blocking(true);
  port.is_open();
  stream.in_avail();
  stream.peek(boost::asio::buffer(buf));
  co_return;
}
