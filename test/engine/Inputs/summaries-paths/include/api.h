extern "C" unsigned sleep(unsigned);
void fetch_one();
void fetch_two();
