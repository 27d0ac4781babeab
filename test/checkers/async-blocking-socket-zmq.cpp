// ZeroMQ (libzmq3-dev, cppzmq-dev) and Poco sockets (libpoco-dev).
// REQUIRES: zmq, http-clients
// RUN: %check_async_tidy %s async-blocking-socket %t -- -I %inputs

#include "task.h"
#include <Poco/Net/StreamSocket.h>
#include <zmq.h>
#include <zmq.hpp>

using test::task;

task<> c_api(void *socket, char *buf) {
  zmq_recv(socket, buf, 64, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zmq_recv' waits for a message inside coroutine 'c_api', stalling every coroutine on its thread [async-blocking-socket]
  zmq_send(socket, buf, 64, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zmq_send' waits for a message
  zmq_msg_t msg;
  zmq_msg_init(&msg);
  zmq_msg_recv(&msg, socket, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zmq_msg_recv' waits for a message
  zmq_pollitem_t items[] = {{socket, 0, ZMQ_POLLIN, 0}};
  zmq_poll(items, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zmq_poll' waits for a socket to become ready
  co_return;
}

task<> cpp_api(zmq::socket_t &socket) {
  zmq::message_t msg;
  auto got = socket.recv(msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'zmq::socket_t::recv' waits for a message inside coroutine 'cpp_api'
  socket.send(zmq::str_buffer("pong"), zmq::send_flags::none);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq::socket_t::send' waits for a message
  (void)got;
  co_return;
}

task<> poco(Poco::Net::StreamSocket &socket, char *buf) {
  socket.connect(Poco::Net::SocketAddress("localhost", 8080));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Poco::Net::StreamSocket::connect' waits for the network
  socket.receiveBytes(buf, 64);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Poco::Net::StreamSocket::receiveBytes' waits for the network
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> dont_wait(void *socket, zmq::socket_t &cpp, char *buf) {
  zmq_recv(socket, buf, 64, ZMQ_DONTWAIT);
  zmq_send(socket, buf, 64, ZMQ_DONTWAIT | ZMQ_SNDMORE);
  zmq_pollitem_t items[] = {{socket, 0, ZMQ_POLLIN, 0}};
  zmq_poll(items, 1, 0);
  zmq::message_t msg;
  (void)cpp.recv(msg, zmq::recv_flags::dontwait);
  (void)cpp.send(zmq::str_buffer("x"), zmq::send_flags::dontwait);
  // Messages are memory.
  zmq::message_t copy(msg.data(), msg.size());
  co_return;
}
