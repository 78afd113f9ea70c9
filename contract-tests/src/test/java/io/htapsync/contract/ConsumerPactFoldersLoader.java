package io.htapsync.contract;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Pact JVM's folder loader over each of {@link ConsumerPacts#folders()}, in that order. */
final class ConsumerPactFoldersLoader implements PactLoader {
  private final List<PactFolderLoader> loaders = new ArrayList<>();

  // Pact JVM instantiates a loader with the test class when it has such a constructor.
  ConsumerPactFoldersLoader(Class<?> testClass) {
    ConsumerPacts.files(); // fails early, by name, on a listed folder without pacts
    for (Path folder : ConsumerPacts.folders()) {
      loaders.add(new PactFolderLoader(folder.toFile()));
    }
  }

  @Override
  public List<Pact> load(String providerName) throws IOException {
    List<Pact> pacts = new ArrayList<>();
    for (PactFolderLoader loader : loaders) {
      pacts.addAll(loader.load(providerName));
    }
    return pacts;
  }

  @Override
  public PactSource getPactSource() {
    return loaders.get(0).getPactSource();
  }

  @Override
  public String description() {
    return "Pact folders " + ConsumerPacts.folders();
  }
}
