/* The benchmark's floor: libpcap's own read loop (pcap_next_ex and nothing else).
 * Prints the packet count so the work cannot be optimised away. */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s CAPTURE\n", argv[0]);
    return 1;
  }
  char errbuf[PCAP_ERRBUF_SIZE];
  pcap_t* handle = pcap_open_offline(argv[1], errbuf);
  if (handle == NULL) {
    fprintf(stderr, "%s: %s\n", argv[1], errbuf);
    return 2;
  }
  struct pcap_pkthdr* header;
  const u_char* data;
  unsigned long long packets = 0;
  int status;
  while ((status = pcap_next_ex(handle, &header, &data)) == 1) ++packets;
  pcap_close(handle);
  printf("%llu packets\n", packets);
  return status == PCAP_ERROR ? 2 : 0;
}
