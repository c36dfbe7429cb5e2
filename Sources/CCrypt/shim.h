#ifndef KIOSK_CCRYPT_SHIM_H
#define KIOSK_CCRYPT_SHIM_H
// libxcrypt: crypt_gensalt_ra and crypt_r give salted slow hashes (yescrypt: "$y$").
#include <crypt.h>
#endif
