package dev.atelier.engine.algorithms;

import static dev.atelier.engine.algorithms.Hyperparameters.NO_LIMIT;
import static dev.atelier.engine.algorithms.Hyperparameters.bool;
import static dev.atelier.engine.algorithms.Hyperparameters.choice;
import static dev.atelier.engine.algorithms.Hyperparameters.choiceRequired;
import static dev.atelier.engine.algorithms.Hyperparameters.integer;
import static dev.atelier.engine.algorithms.Hyperparameters.integerFromData;
import static dev.atelier.engine.algorithms.Hyperparameters.integerOrAuto;
import static dev.atelier.engine.algorithms.Hyperparameters.integerRequired;
import static dev.atelier.engine.algorithms.Hyperparameters.integerUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.real;
import static dev.atelier.engine.algorithms.Hyperparameters.realLog;
import static dev.atelier.engine.algorithms.Hyperparameters.realUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.text;

import java.util.EnumSet;
import java.util.List;

/// SageMaker's text algorithms: LDA, NTM, BlazingText, Object2Vec and Sequence-to-Sequence. Names, defaults and
/// ranges follow AWS's hyperparameter tables.
final class TextAlgorithms {
    static final String CATEGORY = "Text";

    private TextAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        return List.of(blazingText(), lda(), ntm(), object2vec(), seq2seq());
    }

    static AlgorithmDescriptor lda() {
        return new AlgorithmDescriptor("lda", "Latent Dirichlet Allocation (LDA)", CATEGORY,
                "Finds the themes running through a collection of documents and how much of each theme every"
                        + " document contains.",
                EnumSet.of(ProblemType.TOPIC_MODELING), List.of(
                integerRequired("num_topics", 1, NO_LIMIT,
                        "How many themes to find; try a few values and read the top words of each."),
                integerFromData("feature_dim", 1, NO_LIMIT,
                        "How many distinct words the documents use; Atelier counts them from the data."),
                integerFromData("mini_batch_size", 1, NO_LIMIT,
                        "How many documents there are in total; Atelier counts them from the data."),
                realLog("alpha0", "1.0", "(0,inf)",
                        "Below 1, documents stick to few themes; above 1, they mix many themes evenly."),
                integer("max_restarts", 10, 1, NO_LIMIT,
                        "How many fresh starts the solver makes to find a better answer; rarely needs changing."),
                integer("max_iterations", 1000, 1, NO_LIMIT,
                        "The most refinement rounds the solver runs; rarely needs changing."),
                realLog("tol", "1e-8", "(0,inf)",
                        "How exact the solver must be before it stops; rarely needs changing.")),
                false);
    }

    static AlgorithmDescriptor ntm() {
        return new AlgorithmDescriptor("ntm", "Neural Topic Model (NTM)", CATEGORY,
                "A neural network that finds the themes in a collection of documents; an alternative to LDA that"
                        + " copes well with large vocabularies.",
                EnumSet.of(ProblemType.TOPIC_MODELING), List.of(
                integerRequired("num_topics", 2, 1000,
                        "How many themes to find; try a few values and read the top words of each."),
                integerFromData("feature_dim", 1, 1_000_000,
                        "How many distinct words the documents use; Atelier counts them from the data."),
                integer("epochs", 50, 1, NO_LIMIT,
                        "The most passes over the documents; training stops earlier when it stops improving."),
                integer("mini_batch_size", 256, 1, 10_000,
                        "How many documents are used per update step."),
                realLog("learning_rate", "0.001", "[1e-6,1]",
                        "How big each update step is; lower it if training is unstable."),
                choice("optimizer", "adadelta", List.of("sgd", "adam", "adagrad", "rmsprop", "adadelta"),
                        "The method used to adjust the network's weights; adadelta rarely needs changing."),
                text("encoder_layers", "auto", "auto, or comma-separated layer sizes such as 100,50",
                        "The sizes of the network's layers; auto uses three and two times the number of topics."),
                choice("encoder_layers_activation", "sigmoid", List.of("sigmoid", "tanh", "relu"),
                        "The function each neuron applies."),
                bool("batch_norm", false,
                        "Normalizes values between layers, which can steady training."),
                integer("num_patience_epochs", 3, 1, NO_LIMIT,
                        "How many passes are checked for progress before stopping early."),
                realLog("tolerance", "0.001", "[1e-6,0.1]",
                        "The smallest relative improvement that still counts as progress."),
                real("sub_sample", "1.0", "[0,1]",
                        "The share of documents used in each pass; lower it to train faster on big"
                                + " collections."),
                real("weight_decay", "0.0", "[0,1]",
                        "Keeps the network's weights small; raise it if the model overfits."),
                real("clip_gradient", "Infinity", "[1e-3,inf]",
                        "Caps the size of each update to keep training stable; Infinity means no cap."),
                real("rescale_gradient", "1.0", "[1e-3,1]",
                        "Scales every update; lower it if training is unstable.")),
                false);
    }

    static AlgorithmDescriptor blazingText() {
        return new AlgorithmDescriptor("blazingtext", "BlazingText", CATEGORY,
                "Learns word meanings as vectors (Word2Vec) or sorts short texts into labels such as topics or"
                        + " sentiment, very quickly.",
                EnumSet.of(ProblemType.EMBEDDING, ProblemType.TEXT_CLASSIFICATION), List.of(
                choiceRequired("mode", List.of("supervised", "skipgram", "cbow", "batch_skipgram"),
                        "supervised labels texts; skipgram, cbow and batch_skipgram learn word vectors in"
                                + " slightly different ways."),
                integer("epochs", 5, 1, NO_LIMIT,
                        "How many passes over the text; raise it for small collections."),
                realLog("learning_rate", "0.05", "(0,inf)",
                        "How big each update step is; lower it if training is unstable."),
                integer("vector_dim", 100, 1, NO_LIMIT,
                        "The length of each learned word vector; longer vectors hold more meaning but need more"
                                + " text."),
                integer("min_count", 5, 0, NO_LIMIT,
                        "Words seen fewer times than this are ignored."),
                integer("window_size", 5, 1, NO_LIMIT,
                        "How many neighbouring words count as a word's context when learning vectors."),
                integer("negative_samples", 5, 1, NO_LIMIT,
                        "How many unrelated words are contrasted with each real context when learning vectors."),
                real("sampling_threshold", "0.0001", "(0,1)",
                        "Very frequent words above this share are skipped at random; 0.001 or lower is"
                                + " typical."),
                bool("subwords", false,
                        "Also learns vectors for word pieces, so misspelt and unseen words get sensible"
                                + " vectors."),
                integer("min_char", 3, 1, NO_LIMIT, "The shortest word piece learned when subwords is on."),
                integer("max_char", 6, 1, NO_LIMIT, "The longest word piece learned when subwords is on."),
                integer("batch_size", 11, 1, NO_LIMIT,
                        "How many words are processed together in batch_skipgram mode; 10 to 20 is typical."),
                integer("buckets", 2_000_000, 1, NO_LIMIT,
                        "How many slots word pieces or word pairs are hashed into; more slots mean fewer"
                                + " collisions."),
                bool("evaluation", true,
                        "Scores the learned word vectors on a standard word-similarity test after training."),
                integer("word_ngrams", 2, 1, NO_LIMIT,
                        "In supervised mode, how many consecutive words are read as one unit; 2 also uses word"
                                + " pairs."),
                bool("early_stopping", false,
                        "In supervised mode, stops when validation accuracy stops improving."),
                integer("patience", 4, 1, NO_LIMIT,
                        "How many passes without improvement are allowed before stopping early."),
                integer("min_epochs", 5, 1, NO_LIMIT,
                        "The fewest passes before early stopping may end training.")),
                false);
    }

    static AlgorithmDescriptor object2vec() {
        return new AlgorithmDescriptor("object2vec", "Object2Vec", CATEGORY,
                "Learns vectors for pairs of things (sentences, customers and products) so related pairs end up"
                        + " close together; also rates or labels pairs.",
                EnumSet.of(ProblemType.EMBEDDING), List.of(
                integerFromData("enc0_max_seq_len", 1, 5000,
                        "The longest first input, in tokens; Atelier measures it from the data."),
                integerFromData("enc0_vocab_size", 2, 3_000_000,
                        "How many distinct tokens the first input uses; Atelier counts them from the data."),
                integerFromData("enc1_max_seq_len", 1, 5000,
                        "The longest second input, in tokens; Atelier measures it from the data."),
                integerFromData("enc1_vocab_size", 2, 3_000_000,
                        "How many distinct tokens the second input uses; Atelier counts them from the data."),
                integer("epochs", 30, 1, 100, "How many passes over the training pairs."),
                realLog("learning_rate", "0.0004", "[1e-6,1]",
                        "How big each update step is; lower it if training is unstable."),
                integer("mini_batch_size", 32, 1, 10_000, "How many pairs are used per update step."),
                choice("output_layer", "softmax", List.of("softmax", "mean_squared_error"),
                        "softmax labels pairs; mean_squared_error predicts a score for each pair."),
                integer("num_classes", 2, 2, 30,
                        "How many labels pairs can have when labelling; ignored when predicting scores."),
                integer("enc_dim", 4096, 4, 10_000,
                        "The length of the vector each input is turned into."),
                choice("enc0_network", "hcnn", List.of("hcnn", "bilstm", "pooled_embedding"),
                        "How the first input is read: convolution (hcnn), a recurrent network (bilstm) or an"
                                + " average of token vectors."),
                choice("enc1_network", "enc0", List.of("enc0", "hcnn", "bilstm", "pooled_embedding"),
                        "How the second input is read; enc0 reuses the first input's design."),
                integer("enc0_cnn_filter_width", 3, 1, 9,
                        "How many neighbouring tokens the first input's convolution looks at together."),
                integer("enc1_cnn_filter_width", 3, 1, 9,
                        "How many neighbouring tokens the second input's convolution looks at together."),
                integerOrAuto("enc0_layers", 1, 4, "How many layers read the first input; auto decides."),
                integerOrAuto("enc1_layers", 1, 4, "How many layers read the second input; auto decides."),
                integer("enc0_token_embedding_dim", 300, 2, 1000,
                        "The length of each token's vector in the first input."),
                integer("enc1_token_embedding_dim", 300, 2, 1000,
                        "The length of each token's vector in the second input."),
                bool("enc0_freeze_pretrained_embedding", true,
                        "Keeps supplied pretrained token vectors of the first input unchanged."),
                bool("enc1_freeze_pretrained_embedding", true,
                        "Keeps supplied pretrained token vectors of the second input unchanged."),
                text("comparator_list", "hadamard, concat, abs_diff",
                        "any of hadamard, concat, abs_diff, comma-separated",
                        "How the two input vectors are compared before the final layers."),
                choice("mlp_activation", "linear", List.of("tanh", "relu", "linear"),
                        "The function the final layers apply."),
                integer("mlp_dim", 512, 2, 10_000, "How many neurons each final layer has."),
                integer("mlp_layers", 2, 0, 10, "How many final layers combine the compared vectors."),
                real("dropout", "0.0", "[0,1]",
                        "The share of neurons switched off at random during training, which reduces"
                                + " overfitting."),
                integer("early_stopping_patience", 3, 1, 5,
                        "How many passes without improvement are allowed before stopping."),
                realLog("early_stopping_tolerance", "0.01", "[1e-6,0.1]",
                        "The smallest improvement that still counts as progress."),
                integer("negative_sampling_rate", 0, 0, NO_LIMIT,
                        "How many made-up unrelated pairs are added per real pair; 0 adds none."),
                choice("optimizer", "adam", List.of("adadelta", "adagrad", "adam", "sgd", "rmsprop"),
                        "The method used to adjust the network's weights; adam rarely needs changing."),
                bool("tied_token_embedding_weight", false,
                        "Shares one token vocabulary between both inputs, e.g. sentences and documents in the"
                                + " same language."),
                choice("token_embedding_storage_type", "dense", List.of("dense", "row_sparse"),
                        "row_sparse updates only the tokens seen in each batch, which is faster for big"
                                + " vocabularies."),
                integer("bucket_width", 0, 0, 100,
                        "Groups inputs of similar length to speed up training; 0 turns grouping off."),
                real("weight_decay", "0", "[0,10000]",
                        "Keeps the network's weights small; raise it if the model overfits.")),
                false);
    }

    static AlgorithmDescriptor seq2seq() {
        return new AlgorithmDescriptor("seq2seq", "Sequence-to-Sequence", CATEGORY,
                "Turns one sequence of tokens into another, e.g. translating sentences or summarising text.",
                EnumSet.of(ProblemType.SEQUENCE_TO_SEQUENCE), List.of(
                integer("max_seq_len_source", 100, 1, NO_LIMIT,
                        "Longer input sequences are cut to this many tokens."),
                integer("max_seq_len_target", 100, 1, NO_LIMIT,
                        "Longer output sequences are cut to this many tokens."),
                choice("encoder_type", "rnn", List.of("rnn", "cnn"),
                        "Whether the input is read by a recurrent network with attention (rnn) or by"
                                + " convolutions (cnn)."),
                choice("decoder_type", "rnn", List.of("rnn", "cnn"),
                        "Whether the output is written by a recurrent network (rnn) or by convolutions (cnn)."),
                integer("num_layers_encoder", 1, 1, NO_LIMIT, "How many layers read the input."),
                integer("num_layers_decoder", 1, 1, NO_LIMIT, "How many layers write the output."),
                integer("batch_size", 64, 1, NO_LIMIT, "How many sequence pairs are used per update step."),
                realLog("learning_rate", "0.0003", "(0,inf)",
                        "How big each update step is at the start; lower it if training is unstable."),
                choice("optimizer_type", "adam", List.of("adam", "sgd", "rmsprop"),
                        "The method used to adjust the network's weights; adam rarely needs changing."),
                integerUnset("max_num_epochs", 1, NO_LIMIT,
                        "The most passes over the training data; left empty, training runs until validation"
                                + " stops improving."),
                integer("max_num_batches", -1, -1, NO_LIMIT,
                        "The most update steps to run; -1 means no limit."),
                integer("checkpoint_frequency_num_batches", 1000, 1, NO_LIMIT,
                        "How many update steps pass between checks on validation data."),
                integer("checkpoint_threshold", 3, 1, NO_LIMIT,
                        "How many checks without improvement are allowed before training stops."),
                choice("training_metric", "perplexity", List.of("perplexity", "accuracy"),
                        "The measure tracked on validation data."),
                choice("optimized_metric", "perplexity", List.of("perplexity", "accuracy", "bleu"),
                        "The measure early stopping watches; bleu compares generated text with the reference."),
                integer("bleu_sample_size", 0, -1, NO_LIMIT,
                        "How many validation sequences are translated to compute bleu; -1 uses all."),
                integer("beam_size", 5, 1, NO_LIMIT,
                        "How many candidate outputs are kept while generating; more can give better text but is"
                                + " slower."),
                integer("rnn_num_hidden", 1024, 1, NO_LIMIT,
                        "How many neurons each recurrent layer has."),
                choice("rnn_cell_type", "lstm", List.of("lstm", "gru"),
                        "The kind of recurrent unit; gru is a little lighter than lstm."),
                choice("rnn_attention_type", "mlp", List.of("dot", "fixed", "mlp", "bilinear"),
                        "How the decoder decides which input tokens to focus on."),
                integerUnset("rnn_attention_num_hidden", 1, NO_LIMIT,
                        "How many neurons the attention layer has; left empty, the same as rnn_num_hidden."),
                bool("rnn_attention_in_upper_layers", true,
                        "Passes attention to every decoder layer, not only the first."),
                choice("rnn_decoder_state_init", "last", List.of("last", "avg", "zero"),
                        "How the decoder starts from the encoder: its last state, the average, or from zero."),
                bool("rnn_residual_connections", false,
                        "Adds shortcut connections between stacked recurrent layers, which helps deep"
                                + " networks train."),
                integer("rnn_first_residual_layer", 2, 1, NO_LIMIT,
                        "The first recurrent layer that gets a shortcut connection."),
                real("rnn_decoder_hidden_dropout", "0", "[0,1]",
                        "The share of the decoder's combined state switched off at random during training."),
                integer("cnn_num_hidden", 512, 1, NO_LIMIT, "How many neurons each convolution layer has."),
                integer("cnn_kernel_width_encoder", 3, 1, NO_LIMIT,
                        "How many neighbouring tokens the encoder's convolutions look at together."),
                integer("cnn_kernel_width_decoder", 5, 1, NO_LIMIT,
                        "How many neighbouring tokens the decoder's convolutions look at together."),
                choice("cnn_activation_type", "glu", List.of("glu", "relu", "softrelu", "sigmoid", "tanh"),
                        "The function the convolution layers apply."),
                real("cnn_hidden_dropout", "0", "[0,1]",
                        "The share of convolution outputs switched off at random during training."),
                integer("num_embed_source", 512, 1, NO_LIMIT, "The length of each input token's vector."),
                integer("num_embed_target", 512, 1, NO_LIMIT, "The length of each output token's vector."),
                real("embed_dropout_source", "0", "[0,1]",
                        "The share of input token vectors switched off at random during training."),
                real("embed_dropout_target", "0", "[0,1]",
                        "The share of output token vectors switched off at random during training."),
                bool("bucketing_enabled", true,
                        "Groups sequences of similar length to train faster."),
                integer("bucket_width", 10, 1, NO_LIMIT, "How much sequence lengths may differ within a group."),
                choice("loss_type", "cross-entropy", List.of("cross-entropy"),
                        "How errors are measured during training."),
                choice("weight_init_type", "xavier", List.of("uniform", "xavier"),
                        "How the starting weights are drawn at random."),
                real("weight_init_scale", "2.34", "(0,inf)", "The spread of the starting weights."),
                choice("xavier_factor_type", "in", List.of("in", "out", "avg"),
                        "Which layer size scales the starting weights with xavier."),
                real("weight_decay", "0", "[0,inf)",
                        "Keeps the network's weights small; raise it if the model overfits."),
                realUnset("momentum", "[0,1)", "How much the sgd optimizer keeps its previous direction."),
                real("clip_gradient", "1", "(-inf,inf)",
                        "Caps the size of each update to keep training stable; a negative value turns the cap"
                                + " off."),
                choice("lr_scheduler_type", "plateau_reduce",
                        List.of("plateau_reduce", "fixed_rate_inv_t", "fixed_rate_inv_sqrt_t"),
                        "How the learning rate shrinks: when progress stalls, or steadily over time."),
                real("plateau_reduce_lr_factor", "0.5", "(0,1)",
                        "How much the learning rate shrinks when progress stalls."),
                integer("plateau_reduce_lr_threshold", 3, 1, NO_LIMIT,
                        "How many checks without improvement shrink the learning rate."),
                integer("fixed_rate_lr_half_life", 10, 1, NO_LIMIT,
                        "How many checks it takes the learning rate to halve with the fixed-rate schedules.")),
                false);
    }
}
