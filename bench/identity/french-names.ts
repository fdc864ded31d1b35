/**
 * Word lists for the identity benchmark, most frequent first: the generator weights entry i by
 * 1/(i + offset), a Zipf-like curve close to INSEE's first-name and surname statistics.
 */
const list = (text: string) => [...new Set(text.split(',').map((word) => word.trim()))].filter(Boolean);

export const MALE_FIRST_NAMES = list(`
Jean, Pierre, Michel, Philippe, Alain, Nicolas, Patrick, Christophe, Daniel, Bernard, Éric, Frédéric,
Laurent, Stéphane, David, Julien, Thomas, Sébastien, Jacques, Pascal, Olivier, Thierry, François,
Dominique, Gérard, Christian, Claude, André, Didier, Serge, Vincent, Bruno, Jean-Pierre, Jean-Claude,
Marc, Alexandre, Antoine, Guillaume, Maxime, Romain, Hugo, Lucas, Louis, Paul, Mathieu, Jean-Luc,
Kévin, Yves, René, Roger, Robert, Henri, Georges, Marcel, Raymond, Joël, Gilles, Hervé, Denis,
Franck, Jérôme, Cédric, Fabrice, Emmanuel, Arnaud, Benoît, Xavier, Yannick, Ludovic, Grégory,
Jean-Marc, Jean-François, Jean-Michel, Jean-Paul, Jean-Louis, Jean-Jacques, Anthony, Jonathan,
Jérémy, Benjamin, Florian, Adrien, Quentin, Clément, Arthur, Gabriel, Léo, Raphaël, Jules, Nathan,
Théo, Enzo, Baptiste, Victor, Martin, Samuel, Simon, Charles, Étienne, Lionel, Régis, Rémi, Damien,
Jean-Baptiste, Pierre-Yves, Marc-Antoine, Loïc, Gaël, Erwan, Yann, Ronan, Tristan, Bastien, Mickaël,
Fabien, Lucien, Fernand, Maurice, Roland, Guy, Jean-Marie, Francis, Gilbert, Patrice, Sylvain,
Thibault, Aurélien, Valentin, Corentin, Alexis, Mohamed, Karim, Rachid, Ahmed, Youssef, Mehdi,
Noah, Adam, Ethan, Tom, Axel, Gaëtan, Jordan, Dylan, Cyril, Jean-Yves, Émile, Noël, Gaston, Albert,
Luc, Hubert, Marius, Antonin, Matthieu, Jacky, Ali, Hamza, Kader, Nordine, Timothée, Félix, Josselin`);

export const FEMALE_FIRST_NAMES = list(`
Marie, Nathalie, Isabelle, Sylvie, Catherine, Françoise, Christine, Monique, Martine, Nicole, Valérie,
Sandrine, Véronique, Brigitte, Christiane, Chantal, Jacqueline, Anne, Patricia, Stéphanie, Céline,
Sophie, Aurélie, Julie, Émilie, Caroline, Laurence, Hélène, Élodie, Virginie, Camille, Léa, Manon,
Chloé, Emma, Inès, Sarah, Laura, Pauline, Marion, Claire, Anne-Marie, Marie-Claire, Marie-Christine,
Marie-Thérèse, Marie-France, Marie-Hélène, Anne-Sophie, Marie-Laure, Marie-Pierre, Jeanne, Josiane,
Danielle, Michèle, Michelle, Denise, Suzanne, Simone, Yvette, Colette, Ginette, Paulette, Odette,
Madeleine, Germaine, Jeannine, Josette, Mireille, Annie, Évelyne, Dominique, Claude, Agnès, Béatrice,
Corinne, Florence, Karine, Delphine, Fabienne, Muriel, Pascale, Sabine, Nadine, Joëlle, Geneviève,
Bernadette, Élisabeth, Odile, Thérèse, Lucie, Mathilde, Charlotte, Juliette, Alice, Louise, Lina,
Jade, Zoé, Lola, Clara, Margaux, Océane, Anaïs, Justine, Mélanie, Audrey, Amandine, Jessica, Vanessa,
Coralie, Cécile, Agathe, Ambre, Rose, Anna, Mila, Nina, Alexandra, Laetitia, Estelle, Gaëlle, Solène,
Maëlle, Morgane, Nadia, Fatima, Samira, Leïla, Yasmine, Amina, Myriam, Rachel, Gisèle, Lucienne,
Renée, Andrée, Raymonde, Jocelyne, Marcelle, Henriette, Clémence, Adèle, Victoire, Capucine, Eugénie,
Sylviane, Frédérique, Emmanuelle, Christelle, Nadège, Sonia, Irène, Régine, Marianne, Élise, Bérénice`);

export const SURNAMES = list(`
Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, Michel,
Lefebvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine,
Rousseau, Vincent, Muller, Lefèvre, Faure, André, Mercier, Blanc, Guérin, Boyer, Garnier, Chevalier,
François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément, Morin, Nicolas, Henry, Roussel, Mathieu,
Gautier, Masson, Marchand, Duval, Denis, Dumont, Marie, Lemaire, Noël, Meyer, Dufour, Meunier, Brun,
Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier, Arnaud, Martinez, Gérard, Roche,
Renard, Schmitt, Roy, Leroux, Colin, Vidal, Caron, Picard, Roger, Fabre, Aubert, Lemoine, Renaud,
Dumas, Lacroix, Olivier, Philippe, Bourgeois, Pierre, Benoît, Rey, Leclerc, Payet, Rolland, Leclercq,
Guillaume, Lecomte, Lopez, Jean, Dupuy, Guillot, Hubert, Berger, Carpentier, Sanchez, Dupuis, Moulin,
Louis, Deschamps, Huet, Vasseur, Perez, Boucher, Fleury, Royer, Klein, Jacquet, Adam, Paris, Poirier,
Marty, Aubry, Guyot, Carré, Charles, Renault, Charpentier, Ménard, Maillard, Baron, Bertin, Bailly,
Hervé, Schneider, Fernandez, Le Gall, Collet, Léger, Bouvier, Julien, Prévost, Millet, Perrot, Daniel,
Le Roux, Cousin, Germain, Breton, Besson, Langlois, Rémy, Le Goff, Pelletier, Lévêque, Perrier,
Leblanc, Barré, Lebrun, Marchal, Weber, Mallet, Hamon, Boulanger, Jacob, Monnier, Michaud, Rodriguez,
Guichard, Gillet, Étienne, Grondin, Poulain, Tessier, Chevallier, Collin, Chauvin, Da Silva, Bouchet,
Gay, Lemaître, Bénard, Maréchal, Humbert, Reynaud, Antoine, Hoarau, Perret, Barthélemy, Cordier,
Pichon, Lejeune, Gilbert, Lamy, Delaunay, Pasquier, Carlier, Laporte, Buisson, Lebon, Texier, Vallée,
Briand, Leconte, Hoareau, Navarro, Gros, Bodin, Lemonnier, Bigot, Maillet, Jourdan, Tanguy,
Le Borgne, Guillou, Le Corre, Colas, Hardy, Fouquet, Lefort, Camus, Rocher, Poulet, Ferrand, Devaux,
Launay, Delmas, Delattre, Leduc, Lagarde, Rossi, Mas, Besnard, Bouvet, Merle, Pons, Ollivier,
Thibault, Boutin, Lebreton, Grenier, Blondel, Guillon, Morvan, Coulon, Marion, Jacques, Raynaud,
Charrier, Labbé, Bousquet, Pineau, Brunel, Joubert, Masse, Hamel, Favre, Ricard, Baudry, Verdier,
Leblond, Hébert, Lainé, Besse, Langlais, Dubreuil, Charbonnier, Riou, Lacombe, Blanchet, Marin,
Gomez, Delorme, Rousset, Le Guen, Gaudin, Tournier, Bouquet, Ferreira, Sauvage, Maury, Duhamel, Cornu,
Valentin, Régnier, Courtois, Seguin, Clerc, Lemarchand, Chauvet, Hoffmann, Ruiz, Moreno, Girault,
Foucher, Dupré, Paul, Vaillant, Lecoq, Jacquot, Didier, Bonnin, Ferry, Martel, Delage, Fischer, Mahé,
Guillet, Chartier, Rigaud, Ledoux, Bourdon, Petitjean, Goncalves, Boulay, Normand, Gilles, Martins,
Alexandre, Laroche, Lévy, Pujol, Potier, Weiss, Cohen, Rodrigues, Pereira, Lopes, Dias, Fernandes,
Alves, Marques, Bonneau, Cros, Grand, Salmon, Barbe, Auger, Chauveau, Lefranc, Picot, Besnier, Drouet,
Morice, Baudouin, Vallet, Chevrier, Teixeira, Guibert, Prat, Godard, Blin, Raymond, Lamotte, Pascal,
Boulet, Maurin, Jolly, Armand, Bruneau, Mathis, Granger, Bazin, Gomes, Diallo, Traoré, Nguyen, Tran,
Pham, Lesage, Turpin, Cadet, Chrétien, Voisin, Jacquemin, Gallet, Fort, Laborde, Caillaud, Brochard,
Tellier, Mangin, Dupin, Chapuis, Peltier, Louvet, Sabatier, Lacoste, Cordonnier, Le Bihan, Quéré,
Cariou, Le Floch, Le Gac, Le Meur, Le Moal, Le Bris, Le Bras, Le Duff, Le Page, Le Berre, Le Cam,
Kervella, Abgrall, Jaouen, Scherrer, Zimmermann, Kieffer, Wagner, Becker, Koch, Schaeffer, Keller,
Roth, Lang, Walter, Richert, Ernst, Haas, Schwartz, Ortiz, Gonzalez, Hernandez, Romero, Torres, Diaz,
Jimenez, Alvarez, Blanco, Suarez, Ramos, Castro, Santos, Costa, Oliveira, Silva, Mendes, Carvalho,
Sousa, Ribeiro, Pinto, Moreira, Benali, Haddad, Mansouri, Bouzid, Belkacem, Saïdi, Cherif, Hamidi,
Brahimi, Russo, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Esposito, Rizzo,
Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrari, Duclos, Duret,
Dumoulin, Duchêne, Duchemin, Dufresne, Durieux, Delacroix, Delahaye, Delpech, Desjardins, Desmoulins,
Devillers, Deville, Faivre, Ferrier, Forestier, Fournel, Fradin, Gaillot, Gallois, Gervais, Gicquel,
Godin, Gosselin, Grosjean, Guyon, Hennequin, Imbert, Jaffré, Jourdain, Labat, Lafon, Lagrange,
Lallemand, Lamarque, Landry, Lapierre, Laval, Leclère, Ledru, Lefeuvre, Legendre, Legros, Lelièvre,
Lemercier, Lenoir, Lepage, Letellier, Levasseur, Loiseau, Lombard, Macé, Magnin, Maillot, Marais,
Marot, Martineau, Massé, Mauger, Michon, Millot, Monier, Morand, Neveu, Nicolle, Pagès, Papin, Parent,
Pasquet, Pélissier, Perrault, Pichard, Pinel, Poirot, Pollet, Portier, Poulin, Prigent, Puech,
Quentin, Ragot, Raoul, Reboul, Rouillard, Rouxel, Saunier, Sellier, Simonet, Tardy, Thiery,
Thomassin, Toussaint, Trouvé, Verger, Vial, Vigneron, Villard, Viard, De La Fontaine, Saint-Martin`);

/** Parts of the long tail of rare surnames: most French people bear a name outside any top-500 list. */
export const SURNAME_ROOTS = list(`
Ab, Ag, Al, Am, Ar, Bal, Bar, Bau, Bel, Ber, Bes, Bla, Bon, Bor, Bou, Bre, Bri, Bro, Cal, Cam, Car,
Cas, Cha, Che, Cho, Cla, Col, Cor, Cou, Cre, Dal, Dam, Dar, Del, Des, Dor, Dou, Dro, Esc, Fal, Far, Fer,
Fla, Fon, For, Fou, Fra, Gal, Gar, Gau, Gil, Gor, Gou, Gra, Gre, Gui, Hal, Hau, Her, Jal, Jou, Lab,
Lac, Lan, Lar, Lau, Lav, Ler, Lom, Lou, Mal, Man, Mar, Mau, Mer, Mon, Mor, Mou, Nau, Par, Pel, Per,
Pey, Pla, Pon, Pou, Pra, Que, Rab, Ram, Ren, Rib, Roc, Rou, Sal, Sau, Ser, Sou, Tal, Tar, Tes, Tho,
Tou, Tre, Val, Vau, Ver, Vil, Ker, Pen, Tré, Chau, Beau`);
export const SURNAME_INFIXES = ['', 'ar', 'el', 'in', 'ou', 'an', 'er', 'il', 'ol', 'ur'];
export const SURNAME_LINKS = ['', 'a', 'e', 'i', 'o', 'ou', 'an', 'in', 'er', 'el'];
export const SURNAME_MIDDLES = ['', 'r', 'l', 'n', 'ch', 'm', 'v', 'd', 'g', 'nt', 'ss', 'rd'];
export const SURNAME_SUFFIXES = list(`
ier, eau, et, ot, in, ard, aud, ac, at, ois, ou, elle, on, ault, oux, and, ès, y, ié, ade, asse,
enne, ette, ière`);

/** Street names as La Poste's national address base writes them most often, without the type. */
export const STREET_NAMES = list(`
de la République, Victor Hugo, Jean Jaurès, Pasteur, du Général de Gaulle, de la Gare, des Écoles,
du Moulin, de l'Église, Gambetta, Jules Ferry, Voltaire, Saint-Michel, des Lilas, du Château,
de la Paix, Carnot, Émile Zola, de la Mairie, du Stade, des Tilleuls, Nationale, de Paris,
du Maréchal Foch, Anatole France, Jean Moulin, de Verdun, du 8 Mai 1945, de la Liberté, des Acacias,
du Président Wilson, Georges Clemenceau, Paul Bert, Aristide Briand, de Strasbourg, de Lyon,
du Commandant Charcot, des Roses, de la Fontaine, du Four, des Vignes, du Pont, de la Croix,
Saint-Jacques, Sainte-Anne, du Faubourg Saint-Antoine, de Belleville, de Vaugirard, Lecourbe,
de la Convention, Mouffetard, de Rivoli, Montmartre, Oberkampf, de Charonne, des Pyrénées, Daumesnil,
Molière, Racine, Lamartine, Alsace-Lorraine, de Bretagne, des Marronniers, des Peupliers, du Parc,
du Marché, de la Poste, Louis Pasteur, Marcel Pagnol, Henri Barbusse, Gabriel Péri, Pierre Curie,
Marie Curie, Jean Monnet, Robert Schuman, de l'Europe, des Fleurs, du Lavoir, des Jardins, du Port`);

export const STREET_TYPES: [type: string, abbreviations: string[], weight: number][] = [
  ['rue', ['r.', 'r', 'Rue', 'RUE'], 55],
  ['avenue', ['av.', 'av', 'Av', 'ave'], 12],
  ['boulevard', ['bd', 'Bd', 'bld', 'boul.'], 6],
  ['place', ['pl.', 'Pl'], 3],
  ['chemin', ['ch.', 'chem.'], 6],
  ['allée', ['all.', 'allee'], 4],
  ['impasse', ['imp.', 'imp'], 4],
  ['route', ['rte', 'Rte'], 5],
  ['quai', ['quai'], 2],
  ['cours', ['crs'], 1],
  ['square', ['sq.'], 1],
  ['faubourg', ['fg', 'fbg'], 1],
];

export const EMAIL_PROVIDERS: [domain: string, weight: number][] = [
  ['gmail.com', 35],
  ['orange.fr', 15],
  ['hotmail.fr', 9],
  ['yahoo.fr', 7],
  ['free.fr', 8],
  ['laposte.net', 5],
  ['sfr.fr', 5],
  ['outlook.fr', 5],
  ['wanadoo.fr', 4],
  ['icloud.com', 3],
  ['hotmail.com', 2],
  ['protonmail.com', 1],
];
