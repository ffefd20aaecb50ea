package org.clearinghouse.server.seed;

/** One seed catalogue file: its path below the catalogue root ({@code policy/beijing-consensus.json}) and bytes. */
public record SeedFile(String name, byte[] content) {
}
