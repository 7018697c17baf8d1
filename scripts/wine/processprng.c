/* A stand-in for Windows' bcryptprimitives.dll, for running the core's tests under Wine 8
   (scripts/lib/common.sh, ensure_wine). Rust's standard library takes its random bytes from
   ProcessPrng in that DLL, which Windows 10 and later have and Wine 8 does not; without it no
   test program starts. This one answers from advapi32's RtlGenRandom (SystemFunction036). It
   is built into the Wine prefix only, never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
