package io.htapsync.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A provider verification reads the pacts of every consumer ({@link ConsumerPacts#folders()}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PactSource(ConsumerPactFoldersLoader.class)
@interface ConsumerPactFolders {
}
