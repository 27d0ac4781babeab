#include <string>

std::string load_settings();
int compute(int x);
