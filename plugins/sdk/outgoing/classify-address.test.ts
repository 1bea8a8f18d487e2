import { describe, expect, it } from "vitest";
import { isIpAddress, isPublicAddress } from "./classify-address";

describe("isPublicAddress", () => {
  it.each([
    "0.0.0.0", "0.255.255.255", // this network
    "10.0.0.1", "10.255.255.255",
    "100.64.0.0", "100.100.100.200", "100.127.255.255", // CGNAT, Alibaba metadata
    "127.0.0.1", "127.255.255.254",
    "169.254.0.1", "169.254.169.254", "169.254.170.2", // link-local, AWS/GCP/Azure and ECS metadata
    "172.16.0.1", "172.31.255.255",
    "192.0.0.192", "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.255",
    "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
    "224.0.0.1", "239.255.255.250", // multicast
    "240.0.0.1", "255.255.255.255",
  ])("refuses the IPv4 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255"])(
    "accepts the public IPv4 address %s, next to a refused range",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    "::", "::1", "0:0:0:0:0:0:0:1", // unspecified, loopback
    "::127.0.0.1", "::8.8.8.8", // IPv4-compatible (deprecated, never routed)
    "fc00::1", "fd00:ec2::254", "fdff:ffff::1", // unique local, AWS metadata
    "fe80::1", "fe80::1%eth0", "febf::1", "fec0::1", // link-local, site-local
    "ff02::1", "ff0e::1", // multicast
    "64:ff9b:1::1", "100::1", "2001::1", "2001:db8::1", "3fff::1", "4000::1", "e000::1",
  ])("refuses the IPv6 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["2606:4700:4700::1111", "2a00:1450:4007:80e::200e", "2001:4860:4860::8888", "2c0f:fb50::1"])("accepts the public IPv6 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ["::ffff:127.0.0.1", false], ["::ffff:7f00:1", false], ["::FFFF:A9FE:A9FE", false], ["0:0:0:0:0:ffff:a9fe:a9fe", false], ["::ffff:10.1.2.3", false],
    ["::ffff:0:127.0.0.1", false], // IPv4-translated
    ["64:ff9b::127.0.0.1", false], ["64:ff9b::a9fe:a9fe", false], // NAT64
    ["2002:7f00:1::", false], ["2002:a9fe:a9fe::1", false], // 6to4
    ["::ffff:8.8.8.8", true], ["::ffff:808:808", true], ["64:ff9b::8.8.8.8", true], ["2002:808:808::1", true],
  ] as const)("judges %s by the IPv4 address inside it (public: %s)", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each(["", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "::1::", "1:2:3:4:5:6:7:8:9", "1::2:3:4:5:6:7:8", "12345::", "[::1]", "::ffff:1.2.3"])(
    "does not take %j for an address (and so never for a public one)",
    (text) => {
      expect(isIpAddress(text)).toBe(false);
      expect(isPublicAddress(text)).toBe(false);
    },
  );
});
